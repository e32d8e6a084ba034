package dev.apigw.security.throttle.redis;

import dev.apigw.security.chain.RequestExchange;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;
import dev.apigw.security.throttle.Rate;
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.throttle.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Two filter instances (two chains) on the real Redis: together they admit what one would. */
class SharedLimitTest {

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final String path = "/shared-" + UUID.randomUUID();
    private SecurityChain a;
    private SecurityChain b;

    @BeforeAll
    static void redis() {
        RedisFixture.requireRedis(6379);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private void start(RateLimit routeLimit) {
        RouteConfig route = RouteConfig.builder(path).publicRoute().throttle(routeLimit).build();
        StoreSettings store = RedisFixture.store(RedisFixture.SHARED, StoreSettings.OnFailure.DENY);
        a = RedisFixture.chain(store, clock, route, t -> t);
        b = RedisFixture.chain(store, clock, route, t -> t);
    }

    private RequestExchange send(SecurityChain chain) {
        return chain.evaluate(FakeRequest.get(path).peer("198.51.100.7").build());
    }

    @Test
    void twoInstancesTogetherAdmitTheBurstOnce() {
        start(RateLimit.of(Rate.perHour(1), 5));
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            if (!send(i % 2 == 0 ? a : b).rejected()) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(5);
        RequestExchange refused = send(b);
        assertThat(refused.problem().reason()).isEqualTo("throttled");
        assertThat(refused.problem().headers()).containsEntry("RateLimit", "\"route\";r=0;t=3600");
    }

    @Test
    void eachInstanceSeesWhatTheOtherTook() {
        start(RateLimit.of(Rate.perHour(1), 3));
        send(a);
        send(a);
        assertThat(send(b).responseHeaders()).anySatisfy(h -> assertThat(h.value())
                .as("the third token of three, taken by the other instance; full again in 3 hours")
                .isEqualTo("\"route\";r=0;t=10800"));
    }
}
