package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.Identity;
import dev.apigw.security.chain.RequestExchange;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Builds the audit record of a finished request from its exchange and the final response status.
 */
final class AuditRecords {

    private final Clock clock;

    AuditRecords(Clock clock) {
        this.clock = clock;
    }

    AuditRecord of(RequestExchange ex, int status, long bytesIn, long bytesOut) {
        long now = System.nanoTime();
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(now - ex.startNanos());
        Identity id = ex.identity();
        boolean known = !id.isAnonymous();
        String reason = ex.rejected() ? ex.problem().reason() : null;
        String note = ex.rejected() ? ex.problem().internalNote() : null;
        return new AuditRecord(clock.instant().minusMillis(latencyMs), ex.requestId(), ex.clientAddress().text(),
                ex.request().peerAddress(), ex.request().method(), ex.request().path(), ex.routeTemplate(), status,
                latencyMs, ex.rejected() ? "deny" : "allow", reason, known ? id.authMethod() : null,
                known ? id.principal() : null, id.apiKeyId(), id.plan(), ex.request().header("User-Agent"), bytesIn,
                bytesOut, ThrottleRemaining.of(ex), note);
    }
}
