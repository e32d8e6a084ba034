package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.CustomAuthorizer;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one custom authorizer plugin as an authentication method named after it, like an API Gateway request
 * authorizer: allow is an identity (the plugin's principal, scopes, and context as claims), deny is 403
 * {@code authorizer_denied}, an exception, a time-out or a full pool is 503 {@code authorizer_failed}.
 *
 * <p>Its credential is present when any identity source is; a route tries it in order with the other methods. If some
 * identity sources are missing the answer is 401 {@code unauthenticated} without calling the plugin, as API Gateway
 * does; a source sent twice, or longer than 8 KiB, is 401 {@code invalid_credentials}. Allow and deny are cached for
 * the TTL per route, method and identity-source values; failures are never cached. An authorizer without identity
 * sources is called for every request. Close it to stop its threads.
 */
public final class AuthorizerAuthenticator implements CredentialAuthenticator, AutoCloseable {

    /** The longest identity-source value passed to a plugin. */
    static final int MAX_VALUE_LENGTH = 8 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizerAuthenticator.class);
    private static final Decision.Reject MISSING_SOURCE = Decision.reject(
            Problem.of(401, "unauthenticated", "This API needs credentials that were not all sent."));

    private final String name;
    private final List<IdentitySource> sources;
    private final AuthorizerInvoker invoker;
    private final AnswerCache cache;
    private final CustomAuthorizer plugin;
    private final Decision.Reject denied;
    private final Decision.Reject invalid;

    /** An authorizer on the system clock. */
    public AuthorizerAuthenticator(AuthorizerSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** An authorizer whose cache expiry follows the given clock. */
    public AuthorizerAuthenticator(AuthorizerSettings settings, Clock clock) {
        this.name = settings.name();
        this.sources = settings.identitySources();
        this.plugin = settings.authorizer();
        this.invoker = new AuthorizerInvoker(name, plugin, settings.timeout(), settings.maxConcurrentCalls());
        this.cache = settings.cacheTtl().isZero() ? null
                : new AnswerCache(settings.cacheTtl(), settings.maxCacheEntries(), clock);
        this.denied = Decision.reject(Problem.of(403, "authorizer_denied", "The authorizer denied this request.")
                .withInternalNote("authorizer " + name + ": denied"));
        this.invalid = Decision.reject(Problem.of(401, "invalid_credentials",
                "Send each credential once, and no longer than " + MAX_VALUE_LENGTH + " characters.")
                .withInternalNote("authorizer " + name + ": an identity source was repeated or too long"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean credentialPresent(SecurityExchange exchange) {
        if (sources.isEmpty()) {
            return true;
        }
        for (IdentitySource source : sources) {
            if (!source.values(exchange.request()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Decision authenticate(SecurityExchange exchange) {
        List<String> values = new ArrayList<>(sources.size());
        for (IdentitySource source : sources) {
            List<String> v = source.values(exchange.request());
            if (v.isEmpty()) {
                return MISSING_SOURCE;
            }
            if (v.size() > 1 || v.get(0).length() > MAX_VALUE_LENGTH) {
                return invalid;
            }
            values.add(v.get(0));
        }
        if (cache == null) {
            return decide(exchange, values);
        }
        CacheKey key = CacheKey.of(exchange.routeTemplate(), exchange.request().method(), values);
        Decision cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Decision decision = decide(exchange, values);
        if (decision.proceeds() || decision == denied) {
            cache.put(key, decision);
        }
        return decision;
    }

    private Decision decide(SecurityExchange exchange, List<String> values) {
        try {
            CustomAuthorizer.Answer answer = invoker.call(PluginRequest.of(exchange, sources, values));
            if (!answer.allowed()) {
                return denied;
            }
            if (answer.principal().isBlank()) {
                return failed("allowed without a principal");
            }
            return Decision.authenticated(Identity.builder(answer.principal(), name)
                    .scopes(answer.scopes()).claims(answer.context()).build());
        } catch (AuthorizerFailure e) {
            return failed(e.getMessage());
        }
    }

    private Decision failed(String why) {
        LOG.warn("authorizer {} failed: {}", name, why);
        return Decision.reject(Problem.of(503, "authorizer_failed", "The authorizer could not decide; try again later.")
                .withInternalNote("authorizer " + name + ": " + why));
    }

    /** Stops the plugin's threads, and closes the plugin where it is {@link AutoCloseable}. */
    @Override
    public void close() {
        invoker.close();
        if (plugin instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing authorizer {} failed: {}", name, e.getClass().getName());
            }
        }
    }

    /** The plugin's view of the request (the api module's {@link CustomAuthorizer.Request}). */
    private static final class PluginRequest {
        private PluginRequest() {
        }

        static CustomAuthorizer.Request of(SecurityExchange exchange, List<IdentitySource> sources,
                                           List<String> values) {
            var request = exchange.request();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header : request.headerNames()) {
                headers.put(header.toLowerCase(java.util.Locale.ROOT), request.headers(header));
            }
            Map<String, String> identity = new LinkedHashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                identity.put(sources.get(i).toString(), values.get(i));
            }
            return new CustomAuthorizer.Request(request.method(), request.path(), exchange.routeTemplate(), headers,
                    request.queryParameters(), exchange.clientAddress().text(), identity);
        }
    }
}
