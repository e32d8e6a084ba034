package dev.apigw.security.cors;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enforces a {@link CorsPolicy} (Fetch §3.2; CONTRACT §4 "CORS"): answers preflights itself, before authentication,
 * and refuses cross-origin requests from origins that are not allowed before the application runs.
 *
 * <p>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) always ends here:
 * 204 with the grant, or 403 {@code cors_rejected} with no {@code Access-Control-Allow-*} header. An actual request
 * without {@code Origin}, or from the server's own origin ({@link ServerOrigin}), passes; one from an allowed origin
 * passes with the grant ({@code Access-Control-Allow-Origin} set to the exact origin, credentials, exposed headers),
 * which stays on the response whatever later controls decide, so a page can read a 401 or 429; any other is refused
 * with 403, so that a simple cross-site {@code POST} (which a browser sends without asking) has no effect. Every
 * response this control looked at carries {@code Vary: Origin}, so that a cache never hands one origin's answer to
 * another. The client is told only that the request was refused; what failed goes to the audit record.
 */
public final class CorsControl implements SecurityControl {

    static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final Decision.Proceed VARY_ONLY = Decision.proceed().withResponseHeader("Vary", "Origin");
    private static final Problem REFUSED = new Problem(403, "cors_rejected", "CORS request rejected",
            "This API does not accept cross-origin requests from the calling page's origin.",
            Map.of("Vary", "Origin"), List.of(), null);

    private final CorsPolicy policy;
    private final Preflight preflight;
    private final List<Decision.Header> grant;

    /** A control enforcing the policy. */
    public CorsControl(CorsPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
        this.preflight = new Preflight(policy);
        List<Decision.Header> headers = new ArrayList<>();
        if (policy.allowCredentials()) {
            headers.add(new Decision.Header("Access-Control-Allow-Credentials", "true"));
        }
        if (!policy.exposedHeaders().isEmpty()) {
            String exposed = String.join(", ", policy.exposedHeaders());
            headers.add(new Decision.Header("Access-Control-Expose-Headers", exposed));
        }
        headers.add(new Decision.Header("Vary", "Origin"));
        this.grant = List.copyOf(headers);
    }

    /**
     * The method a CORS preflight asks about, or {@code null} when the request is not a preflight; the chain routes a
     * preflight by it.
     */
    public static String preflightMethod(RequestView request) {
        if (!"OPTIONS".equals(request.method()) || request.header("Origin") == null) {
            return null;
        }
        return request.header(REQUEST_METHOD);
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        RequestView request = exchange.request();
        List<String> origins = request.headers("Origin");
        if (origins.isEmpty()) {
            return VARY_ONLY;
        }
        String value = origins.get(0);
        boolean preflighting = preflightMethod(request) != null;
        Origin origin = "null".equals(value) || origins.size() != 1 ? null : Origin.read(value);
        if (!preflighting && origin != null && ServerOrigin.matches(origin, exchange)) {
            return VARY_ONLY;
        }
        String refusal = originRefusal(origins, origin);
        if (preflighting) {
            return refusal == null ? preflight.decide(request, value) : Preflight.refuse(refusal);
        }
        if (refusal == null && !policy.allowsMethod(request.method())) {
            refusal = "method " + request.method() + " is not in allowedMethods";
        }
        return refusal == null ? grant(value) : Decision.reject(REFUSED.withInternalNote(refusal));
    }

    /** Why the origin is not allowed, for the audit record; {@code null} when it is. */
    private String originRefusal(List<String> values, Origin origin) {
        if (values.size() != 1) {
            return "several Origin headers";
        }
        if ("null".equals(values.get(0))) {
            return policy.allowsNullOrigin() ? null : "Origin null is not in allowedOrigins";
        }
        if (origin == null) {
            return "malformed Origin header";
        }
        return policy.allowsOrigin(origin) ? null : "origin " + origin + " is not in allowedOrigins";
    }

    private Decision grant(String origin) {
        List<Decision.Header> headers = new ArrayList<>(grant.size() + 1);
        headers.add(new Decision.Header("Access-Control-Allow-Origin", origin));
        headers.addAll(grant);
        return new Decision.Proceed(null, headers);
    }

    /** The policy this control enforces. */
    public CorsPolicy policy() {
        return policy;
    }
}
