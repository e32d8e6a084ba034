package dev.apigw.security.audit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code audit} section: where records go, which request header carries the request id, and what is redacted.
 *
 * @param loggerName       the SLF4J logger of the access records, {@code apigw.audit} by default
 * @param requestIdHeader  the header that carries the request id, {@code X-Request-Id} by default
 * @param redactHeaders    header names (any case) whose values are never written
 * @param redactJsonFields JSON field names whose values are never written
 */
public record AuditSettings(String loggerName, String requestIdHeader, Set<String> redactHeaders,
                            Set<String> redactJsonFields) {

    /** The defaults of CONTRACT §3. */
    public static final AuditSettings DEFAULTS = new AuditSettings("apigw.audit", "X-Request-Id",
            Set.of("Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Client-Cert"),
            Set.of("password", "secret", "token"));

    public AuditSettings {
        Objects.requireNonNull(loggerName, "loggerName");
        Objects.requireNonNull(requestIdHeader, "requestIdHeader");
        if (loggerName.isBlank()) {
            throw new IllegalArgumentException("audit.logger must name a logger, e.g. apigw.audit");
        }
        redactHeaders = redactHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        redactJsonFields = Set.copyOf(redactJsonFields);
    }

    /** Whether a header's value must be written as {@code [redacted]}. */
    public boolean redacts(String headerName) {
        return redactHeaders.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** These settings with other redacted headers. */
    public AuditSettings withRedactHeaders(List<String> names) {
        return new AuditSettings(loggerName, requestIdHeader, Set.copyOf(names), redactJsonFields);
    }
}
