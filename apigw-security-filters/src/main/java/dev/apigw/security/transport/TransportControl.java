package dev.apigw.security.transport;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

import java.util.Objects;

/**
 * Enforces a {@link TransportPolicy}: 400 {@code secret_in_query}, 403 {@code https_required} or a 308 redirect to
 * HTTPS, and HSTS on HTTPS (CONTRACT §4; RFC 6797).
 *
 * <p>Whether the request came over HTTPS is {@link SecurityExchange#https()}, which the pipeline fills in from the
 * trusted proxies. The query is checked first, so that a secret is never echoed back in a redirect's {@code Location};
 * only {@code GET} and {@code HEAD} are redirected, because any other request has already sent its body in the clear
 * and should fail loudly rather than be replayed. HSTS goes only on HTTPS responses (RFC 6797 §7.2) and its value is
 * computed once, so passing requests cost no formatting or allocation.
 */
public final class TransportControl implements SecurityControl {

    private static final String HSTS = "Strict-Transport-Security";
    private static final Problem HTTPS_REQUIRED = Problem.of(403, "https_required",
            "This API is only available over HTTPS; call it with an https:// URL.");
    private static final Problem REDIRECT = Problem.of(308, "https_required",
            "This API is only available over HTTPS; repeat the request at the URL in the Location header.");
    private static final Problem SECRET_IN_QUERY = Problem.of(400, "secret_in_query",
            "Credentials must not be sent in the query string, where logs and browser history keep them;"
                    + " send them in a request header instead.");

    private final TransportPolicy policy;
    private final String[] secretNames;
    private final Decision onHttps;
    private final Problem secretInQuery;
    private final Decision httpsRequired;

    /** A control enforcing the policy. */
    public TransportControl(TransportPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.secretNames = policy.secretQueryParameters().toArray(String[]::new);
        String hsts = policy.hsts() == null ? null : policy.hsts().headerValue();
        this.onHttps = hsts == null ? Decision.proceed() : Decision.proceed().withResponseHeader(HSTS, hsts);
        this.secretInQuery = hsts == null ? SECRET_IN_QUERY : SECRET_IN_QUERY.withHeader(HSTS, hsts);
        this.httpsRequired = Decision.reject(HTTPS_REQUIRED.withInternalNote("plain HTTP where HTTPS is required"));
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        RequestView request = exchange.request();
        boolean https = exchange.https();
        String secret = secretParameter(request);
        if (secret != null) {
            Problem problem = https ? secretInQuery : SECRET_IN_QUERY;
            return Decision.reject(problem.withInternalNote("query parameter named like secret " + secret));
        }
        if (https) {
            return onHttps;
        }
        return policy.requireHttps() ? plainHttp(request) : Decision.proceed();
    }

    /** The policy this control enforces. */
    public TransportPolicy policy() {
        return policy;
    }

    private Decision plainHttp(RequestView request) {
        String method = request.method();
        if (!policy.redirect() || !("GET".equals(method) || "HEAD".equals(method))) {
            return httpsRequired;
        }
        String location = HttpsRedirect.location(request, policy.httpsPort());
        if (location == null) {
            return Decision.reject(HTTPS_REQUIRED.withInternalNote(
                    "plain HTTP; no redirect, as the server name is not a valid host name or IP literal"));
        }
        return Decision.reject(REDIRECT.withHeader("Location", location)
                .withInternalNote("plain HTTP; redirected to HTTPS"));
    }

    /**
     * The configured name that a query parameter matches, or {@code null}. {@link String#equalsIgnoreCase} also folds
     * a few non-ASCII letters ({@code ſ}, the Kelvin sign), which errs on the side of refusing.
     */
    private String secretParameter(RequestView request) {
        if (secretNames.length == 0) {
            return null;
        }
        for (String name : request.queryParameters().keySet()) {
            for (String secret : secretNames) {
                if (secret.equalsIgnoreCase(name)) {
                    return secret;
                }
            }
        }
        return null;
    }
}
