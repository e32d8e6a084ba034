package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.throttle.BruteForcePolicy;
import dev.apigw.security.throttle.Rate;
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.throttle.ThrottleSettings;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Throttling and the lockout over real HTTP on Jetty 12: the answers and the fields a client reads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleIT {

    private final java.util.Queue<AuditRecord> audit = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private ContainerFixture jetty;

    @BeforeAll
    void start() throws Exception {
        GatewayConfig config = GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .authenticator(new TestTokenAuthenticator())
                .throttling(ThrottleSettings.builder()
                        .bruteForce(new BruteForcePolicy(2, Duration.ofMinutes(1), Duration.ofMinutes(15)))
                        .build())
                .route(RouteConfig.builder("/limited").publicRoute()
                        .throttle(RateLimit.of(Rate.perHour(1), 2)).build())
                .route(RouteConfig.builder("/pets").auth("test").build())
                .build();
        jetty = ContainerFixture.jetty(new ApigwSecurityFilter(config, ControlKind.all(), audit::add));
    }

    @AfterAll
    void stop() throws Exception {
        jetty.close();
    }

    @Test
    void overTheBurstIs429WithRetryAfterAndRateLimitFields() throws Exception {
        var client = new RawHttpClient(jetty.port());
        var first = client.get("/limited");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).isEqualTo("\"route\";q=2;w=7200");
        assertThat(first.header("RateLimit")).isEqualTo("\"route\";r=1;t=3600");
        assertThat(client.get("/limited").header("RateLimit")).startsWith("\"route\";r=0;t=");
        var third = client.get("/limited");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(3599L, 3600L);
        assertThat(third.header("RateLimit")).isEqualTo("\"route\";r=0;t=" + third.header("Retry-After"));
        assertThat(third.header("RateLimit-Policy")).isEqualTo("\"route\";q=2;w=7200");
        assertThat(third.body()).contains("\"reason\":\"throttled\"", "\"status\":429");
        assertThat(limitedAudit(3)).extracting(AuditRecord::throttleRemaining)
                .as("the audit records what was left (records may land out of order)").containsExactlyInAnyOrder(1L, 0L, 0L);
    }

    /** The audit records of /limited once there are {@code n}: a record is written just after its response. */
    private java.util.List<AuditRecord> limitedAudit(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            var records = audit.stream().filter(r -> "/limited".equals(r.path())).toList();
            if (records.size() >= n || System.nanoTime() - deadline > 0) {
                return records;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Test
    void repeatedInvalidCredentialsLockTheAddressOut() throws Exception {
        var client = new RawHttpClient(jetty.port());
        assertThat(client.get("/pets", "Authorization: Test bad").status()).isEqualTo(401);
        assertThat(client.get("/pets", "Authorization: Test bad").status()).isEqualTo(401);
        var locked = client.get("/pets", "Authorization: Test alice");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("900");
        assertThat(locked.body()).contains("\"reason\":\"locked_out\"");
    }
}
