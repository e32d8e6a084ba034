package dev.apigw.security;

/**
 * Receives one {@link AuditRecord} per request, allowed or rejected, after the response is complete.
 *
 * <p>Called on the request thread: implementations must not block on a lock shared between requests and must not
 * throw; the default sink writes one JSON line through SLF4J.
 */
@FunctionalInterface
public interface AuditSink {

    /** Writes one record. */
    void write(AuditRecord record);
}
