package dev.apigw.security;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a security team wants to see on its own: a rejection (authentication failed, scope denied, throttled,
 * IP denied...) or a notable decision of the library (a JWKS refresh failed, a key store reloaded).
 *
 * @param time      when it happened
 * @param type      what happened, e.g. {@code authentication_failed}, {@code ip_denied}, {@code jwks_refresh_failed}
 * @param requestId the request it belongs to, or {@code null} for events outside a request
 * @param clientIp  the client address, or {@code null}
 * @param route     the matched route template, or {@code null}
 * @param reason    the rejection reason of CONTRACT §4, or {@code null}
 * @param detail    what failed, for operators; never a credential or secret
 */
public record SecurityEvent(Instant time, String type, String requestId, String clientIp, String route, String reason,
                            String detail) {

    public SecurityEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
    }
}
