package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.Identity;
import dev.apigw.security.audit.AuditSettings;
import dev.apigw.security.chain.RequestExchange;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Builds the audit record of a finished request from its exchange and the final response status.
 */
final class AuditRecords {

    static final String REDACTED = "[redacted]";

    private final Clock clock;
    private final boolean redactUserAgent;

    AuditRecords(Clock clock, AuditSettings settings) {
        this.clock = clock;
        this.redactUserAgent = settings.redacts("User-Agent");
    }

    AuditRecord of(RequestExchange ex, int status, long bytesIn, long bytesOut, String failure) {
        long now = System.nanoTime();
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(now - ex.startNanos());
        Identity id = ex.identity();
        boolean known = !id.isAnonymous();
        String reason = ex.rejected() ? ex.problem().reason() : null;
        String note = ex.rejected() ? ex.problem().internalNote() : failure;
        return new AuditRecord(clock.instant().minusMillis(latencyMs), ex.requestId(), ex.traceId(),
                ex.clientAddress().text(),
                ex.request().peerAddress(), ex.request().method(), ex.request().path(), ex.routeTemplate(), status,
                latencyMs, ex.rejected() ? "deny" : "allow", reason, known ? id.authMethod() : null,
                known ? id.principal() : null, id.apiKeyId(), id.plan(), redactUserAgent ? REDACTED : ex.request().header("User-Agent"), bytesIn,
                bytesOut, null, note, TimeUnit.NANOSECONDS.toMicros(ex.decisionNanos()));
    }
}
