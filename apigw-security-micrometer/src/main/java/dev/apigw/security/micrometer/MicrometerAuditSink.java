package dev.apigw.security.micrometer;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.AuditSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts decisions and times the filter's own overhead from the audit records, then passes each record on.
 *
 * <p>Meters: {@code apigw.requests} (counter; tags {@code decision}, {@code reason}, {@code route}) and
 * {@code apigw.security.overhead} (timer of the controls' own time per request; tag {@code decision}). Tags come from
 * the configuration (route templates, the fixed reasons), never from client input, so their number stays bounded;
 * an unmatched request is tagged {@code route=unmatched}. Meters are cached per tag combination, so the hot path is
 * a map lookup and an atomic add, without a lock.
 */
public final class MicrometerAuditSink implements AuditSink {

    private final MeterRegistry registry;
    private final AuditSink next;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer allowOverhead;
    private final Timer denyOverhead;

    /** Records into {@code registry}, then writes each record to {@code next}. */
    public MicrometerAuditSink(MeterRegistry registry, AuditSink next) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.next = Objects.requireNonNull(next, "next");
        this.allowOverhead = overhead("allow");
        this.denyOverhead = overhead("deny");
    }

    private Timer overhead(String decision) {
        return Timer.builder("apigw.security.overhead")
                .description("time the apigw-security controls took for one request")
                .tag("decision", decision)
                .register(registry);
    }

    @Override
    public void write(AuditRecord record) {
        try {
            String route = record.route() == null ? "unmatched" : record.route();
            String reason = record.reason() == null ? "none" : record.reason();
            String key = record.decision() + '\n' + reason + '\n' + route;
            counters.computeIfAbsent(key, k -> Counter.builder("apigw.requests")
                    .description("requests decided by apigw-security")
                    .tag("decision", record.decision()).tag("reason", reason).tag("route", route)
                    .register(registry)).increment();
            ("allow".equals(record.decision()) ? allowOverhead : denyOverhead)
                    .record(record.overheadMicros(), TimeUnit.MICROSECONDS);
        } finally {
            next.write(record);
        }
    }
}
