package dev.apigw.security.throttle.redis;

import dev.apigw.security.chain.RequestExchange;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.throttle.Rate;
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.throttle.StoreSettings.OnFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped in the middle: each {@code onFailure} behaves as configured, no request waits for the dead server,
 * and the shared limits come back by themselves when Redis does.
 */
class RedisOutageTest {

    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(30);

    private static SecurityChain chain(RedisServerProcess redis, OnFailure onFailure, long burst) {
        RouteConfig route = RouteConfig.builder("/outage").publicRoute()
                .throttle(RateLimit.of(Rate.perHour(1), burst)).build();
        return RedisFixture.chain(RedisFixture.store(redis.uri(), onFailure), Clock.systemUTC(), route, t -> t);
    }

    private static RequestExchange send(SecurityChain chain, String client) {
        return chain.evaluate(FakeRequest.get("/outage").peer(client).build());
    }

    private static boolean hasRateLimit(RequestExchange ex) {
        return ex.responseHeaders().stream().anyMatch(h -> h.name().equals("RateLimit"));
    }

    /** Sends requests until one satisfies {@code back}; the outage is over by then or the test fails. */
    private static RequestExchange awaitRecovery(SecurityChain chain, String client, Predicate<RequestExchange> back) {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        while (true) {
            RequestExchange ex = send(chain, client);
            if (back.test(ex)) {
                return ex;
            }
            assertThat(System.nanoTime() - deadline).as("recovered within " + RECOVERY_DEADLINE).isNegative();
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void eachOnFailureHoldsDuringTheOutageAndTheSharedLimitReturnsAfterIt() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             SecurityChain local = chain(redis, OnFailure.LOCAL, 2);
             SecurityChain allow = chain(redis, OnFailure.ALLOW, 100);
             SecurityChain deny = chain(redis, OnFailure.DENY, 100)) {
            SecurityChain sharing = chain(redis, OnFailure.DENY, 100);
            assertThat(send(deny, "192.0.2.1").rejected()).isFalse();
            assertThat(send(sharing, "192.0.2.1").responseHeaders())
                    .anySatisfy(h -> assertThat(h.value()).isEqualTo("\"route\";r=98;t=7200"));

            redis.stop();
            long start = System.nanoTime();
            RequestExchange denied = send(deny, "192.0.2.1");
            assertThat(denied.problem().status()).isEqualTo(503);
            assertThat(denied.problem().reason()).isEqualTo("throttling_unavailable");
            assertThat(denied.problem().headers()).containsEntry("Retry-After", "1");
            RequestExchange allowed = send(allow, "192.0.2.1");
            assertThat(allowed.rejected()).isFalse();
            assertThat(hasRateLimit(allowed)).as("no figures while they are unknown").isFalse();
            assertThat(send(local, "192.0.2.9").rejected()).as("local limiter: 1 of 2").isFalse();
            assertThat(send(local, "192.0.2.9").rejected()).as("local limiter: 2 of 2").isFalse();
            assertThat(send(local, "192.0.2.9").problem().reason()).as("the local limiter still limits")
                    .isEqualTo("throttled");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("nobody waited for the dead server")
                    .isLessThan(Duration.ofSeconds(2));

            redis.startAgain();
            awaitRecovery(deny, "192.0.2.1", ex -> !ex.rejected());
            assertThat(hasRateLimit(awaitRecovery(allow, "192.0.2.1", RedisOutageTest::hasRateLimit))).isTrue();
            RequestExchange fresh = awaitRecovery(local, "192.0.2.9", ex -> !ex.rejected());
            assertThat(fresh.responseHeaders()).as("counted in the restarted, empty Redis again")
                    .anySatisfy(h -> assertThat(h.value()).isEqualTo("\"route\";r=1;t=3600"));
            sharing.close();
        }
    }
}
