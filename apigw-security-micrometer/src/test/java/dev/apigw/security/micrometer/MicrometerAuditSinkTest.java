package dev.apigw.security.micrometer;

import dev.apigw.security.AuditRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerAuditSinkTest {

    private static AuditRecord record(String route, String decision, String reason, long overheadMicros) {
        return new AuditRecord(Instant.EPOCH, "id", null, "127.0.0.1", "127.0.0.1", "GET", "/x", route,
                "allow".equals(decision) ? 200 : 403, 1, decision, reason, null, null, null, null, null, -1, -1,
                null, null, overheadMicros);
    }

    @Test
    void countsDecisionsByReasonAndRouteAndTimesTheOverhead() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<AuditRecord> passed = new ArrayList<>();
        MicrometerAuditSink sink = new MicrometerAuditSink(registry, passed::add);
        sink.write(record("/pets", "allow", null, 7));
        sink.write(record("/pets", "allow", null, 9));
        sink.write(record(null, "deny", "route_not_found", 3));

        assertThat(registry.get("apigw.requests").tags("decision", "allow", "reason", "none", "route", "/pets")
                .counter().count()).isEqualTo(2.0);
        assertThat(registry.get("apigw.requests").tags("reason", "route_not_found", "route", "unmatched")
                .counter().count()).isEqualTo(1.0);
        var allow = registry.get("apigw.security.overhead").tag("decision", "allow").timer();
        assertThat(allow.count()).isEqualTo(2);
        assertThat(allow.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(16.0);
        assertThat(passed).hasSize(3);
    }

    @Test
    void passesTheRecordOnEvenWhenMetricsFail() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<AuditRecord> passed = new ArrayList<>();
        registry.close();
        new MicrometerAuditSink(registry, passed::add).write(record("/pets", "allow", null, 1));
        assertThat(passed).hasSize(1);
    }
}
