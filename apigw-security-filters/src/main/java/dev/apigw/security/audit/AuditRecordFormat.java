package dev.apigw.security.audit;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.json.JsonLine;

import java.time.format.DateTimeFormatter;

/**
 * Renders an {@link AuditRecord} as the one-line JSON object of CONTRACT §5; absent fields are left out.
 */
public final class AuditRecordFormat {

    private AuditRecordFormat() {
    }

    /** The record as one line of JSON, without a line break. */
    public static String toJson(AuditRecord r) {
        JsonLine json = new JsonLine(512)
                .field("time", DateTimeFormatter.ISO_INSTANT.format(r.time()))
                .field("requestId", r.requestId())
                .field("traceId", r.traceId())
                .field("clientIp", r.clientIp())
                .field("peerIp", r.peerIp())
                .field("method", r.method())
                .field("path", r.path())
                .field("route", r.route())
                .field("status", r.status())
                .field("latencyMs", r.latencyMs())
                .field("decision", r.decision())
                .field("reason", r.reason())
                .field("authMethod", r.authMethod())
                .field("principal", r.principal())
                .field("apiKeyId", r.apiKeyId())
                .field("plan", r.plan())
                .field("userAgent", r.userAgent());
        if (r.bytesIn() >= 0) {
            json.field("bytesIn", r.bytesIn());
        }
        if (r.bytesOut() >= 0) {
            json.field("bytesOut", r.bytesOut());
        }
        if (r.throttleRemaining() != null) {
            json.rawField("throttle", new JsonLine(32).field("remaining", r.throttleRemaining()).end());
        }
        json.field("note", r.note());
        json.field("overheadMicros", r.overheadMicros());
        return json.end();
    }
}
