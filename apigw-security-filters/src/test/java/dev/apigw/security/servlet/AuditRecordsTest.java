package dev.apigw.security.servlet;

import dev.apigw.security.audit.AuditSettings;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordsTest {

    private static GatewayConfig config(AuditSettings audit) {
        return GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .route(RouteConfig.builder("/x").publicRoute().build())
                .audit(audit)
                .build();
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void userAgentNamedInRedactHeadersIsWrittenRedacted() {
        var config = config(AuditSettings.DEFAULTS.withRedactHeaders(List.of("user-agent")));
        var exchange = SecurityChain.create(config).evaluate(FakeRequest.get("/x").header("User-Agent", "agent-007").build());
        var record = new AuditRecords(CLOCK, config.audit()).of(exchange, 200, -1, -1, null);
        assertThat(record.userAgent()).isEqualTo("[redacted]");
    }

    @Test
    void userAgentIsKeptByDefault() {
        var config = config(AuditSettings.DEFAULTS);
        var exchange = SecurityChain.create(config).evaluate(FakeRequest.get("/x").header("User-Agent", "agent-007").build());
        var record = new AuditRecords(CLOCK, config.audit()).of(exchange, 200, 10, 20, null);
        assertThat(record.userAgent()).isEqualTo("agent-007");
        assertThat(record.decision()).isEqualTo("allow");
        assertThat(record.bytesIn()).isEqualTo(10);
        assertThat(record.bytesOut()).isEqualTo(20);
        assertThat(record.time()).isBeforeOrEqualTo(CLOCK.instant());
    }
}
