package dev.apigw.security;

import java.util.Map;

/**
 * One request as the controls see it while it passes through the pipeline: the request itself and what earlier
 * controls learned about it.
 */
public interface SecurityExchange {

    /** The request. */
    RequestView request();

    /** The request id: the caller's {@code X-Request-Id} when well formed, else a new one. */
    String requestId();

    /** The client address, resolved through the trusted proxies. */
    ClientAddress clientAddress();

    /** The matched route's path template, or {@code null} where no route matched and defaults apply. */
    String routeTemplate();

    /** The identity established so far; {@link Identity#anonymous()} before authentication or on public routes. */
    Identity identity();

    /** Whether the client reached this server over HTTPS, directly or through a trusted proxy. */
    boolean https();

    /**
     * The decoded values of the matched route's {@code {name}} segments, e.g. {@code id -> 42} for {@code /pets/42} on
     * {@code /pets/{id}}; empty where no route matched or the template has no parameter.
     */
    default Map<String, String> pathParameters() {
        return Map.of();
    }
}
