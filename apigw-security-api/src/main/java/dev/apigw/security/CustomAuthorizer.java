package dev.apigw.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A custom authorizer plugin, like an API Gateway request authorizer: it sees the request and its identity sources
 * and answers allow (with a principal, scopes and context) or deny.
 *
 * <p>Implementations need a public no-argument constructor (or a {@link java.util.ServiceLoader} entry). Answers are
 * cached per identity-source values; an exception or a time-out answers 503 {@code authorizer_failed}.
 */
public interface CustomAuthorizer {

    /** Decides about one request. May throw; the library turns that into 503 and never allows. */
    Answer authorize(Request request) throws Exception;

    /**
     * What the authorizer sees.
     *
     * @param method          the request method
     * @param path            the normalised path
     * @param route           the matched route template
     * @param headers         the request headers (lower-case names)
     * @param query           the query parameters
     * @param clientAddress   the resolved client address
     * @param identitySources the configured identity sources and their values, e.g. {@code header:X-Partner-Token}
     */
    record Request(String method, String path, String route, Map<String, List<String>> headers,
                   Map<String, List<String>> query, String clientAddress, Map<String, String> identitySources) {
        public Request {
            headers = Map.copyOf(headers);
            query = Map.copyOf(query);
            identitySources = Map.copyOf(identitySources);
        }
    }

    /**
     * The authorizer's answer.
     *
     * @param allowed   whether the request is allowed
     * @param principal the principal when allowed
     * @param scopes    the scopes granted
     * @param context   values handed to the application with the identity
     */
    record Answer(boolean allowed, String principal, Set<String> scopes, Map<String, String> context) {
        public Answer {
            scopes = Set.copyOf(scopes);
            context = Map.copyOf(context);
            if (allowed) {
                Objects.requireNonNull(principal, "an allow answer needs a principal");
            }
        }

        /** Allows the request as the principal. */
        public static Answer allow(String principal, Set<String> scopes, Map<String, String> context) {
            return new Answer(true, principal, scopes, context);
        }

        /** Denies the request. */
        public static Answer deny() {
            return new Answer(false, null, Set.of(), Map.of());
        }
    }
}
