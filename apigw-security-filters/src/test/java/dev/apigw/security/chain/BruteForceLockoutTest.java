package dev.apigw.security.chain;

import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;
import dev.apigw.security.throttle.BruteForcePolicy;
import dev.apigw.security.throttle.ThrottleSettings;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout runs before authentication and learns from its failures, through the whole chain. */
class BruteForceLockoutTest {

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final SecurityChainTest.HeaderAuthenticator auth = new SecurityChainTest.HeaderAuthenticator("strong");
    private final SecurityChain chain = SecurityChain.create(GatewayConfig.builder()
            .transport(TransportPolicy.builder().requireHttps(false).build())
            .authenticator(auth)
            .throttling(ThrottleSettings.builder()
                    .bruteForce(new BruteForcePolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(15))).build())
            .route(RouteConfig.builder("/login").auth("strong").build())
            .route(RouteConfig.builder("/health").publicRoute().build())
            .build(), ControlKind.all(), clock);

    @AfterEach
    void close() {
        chain.close();
    }

    private RequestExchange send(String peer, String credential) {
        FakeRequest.Builder r = FakeRequest.get("/login").peer(peer);
        return chain.evaluate(credential == null ? r.build() : r.header("X-strong", credential).build());
    }

    @Test
    void theFailureThatReachesMaxFailuresLocksTheAddressOutEvenForValidCredentials() {
        for (int i = 0; i < 3; i++) {
            assertThat(send("192.0.2.66", "bad").problem().reason()).isEqualTo("invalid_credentials");
        }
        int calls = auth.calls.get();
        RequestExchange locked = send("192.0.2.66", "alice");
        assertThat(locked.problem().status()).isEqualTo(429);
        assertThat(locked.problem().reason()).isEqualTo("locked_out");
        assertThat(locked.problem().headers()).containsEntry("Retry-After", "900");
        assertThat(auth.calls.get()).as("authentication never ran for a locked-out address").isEqualTo(calls);
        assertThat(send("192.0.2.67", "alice").rejected()).as("another address").isFalse();
        assertThat(chain.evaluate(FakeRequest.get("/health").peer("192.0.2.66").build()).rejected())
                .as("a public route takes no credential").isFalse();
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(send("192.0.2.66", "alice").problem().headers()).containsEntry("Retry-After", "1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(send("192.0.2.66", "alice").rejected()).as("lockout over").isFalse();
    }

    @Test
    void missingCredentialsAreNotGuessesAndDoNotCount() {
        for (int i = 0; i < 10; i++) {
            assertThat(send("192.0.2.66", null).problem().reason()).isEqualTo("unauthenticated");
        }
        assertThat(send("192.0.2.66", "alice").rejected()).isFalse();
    }

    @Test
    void failuresOutsideTheWindowAreForgiven() {
        send("192.0.2.66", "bad");
        send("192.0.2.66", "bad");
        clock.advance(Duration.ofMinutes(1));
        send("192.0.2.66", "bad");
        send("192.0.2.66", "bad");
        assertThat(send("192.0.2.66", "alice").rejected()).as("2 failures refilled over the window").isFalse();
        send("192.0.2.66", "bad");
        assertThat(send("192.0.2.66", "alice").problem().reason()).isEqualTo("locked_out");
    }

    @Test
    void anIpv6ClientCannotEscapeByMovingWithinItsSlash64() {
        for (int i = 0; i < 3; i++) {
            send("2001:db8:5:6::" + (i + 1), "bad");
        }
        assertThat(send("2001:db8:5:6:dead:beef::1", "alice").problem().reason()).isEqualTo("locked_out");
    }
}
