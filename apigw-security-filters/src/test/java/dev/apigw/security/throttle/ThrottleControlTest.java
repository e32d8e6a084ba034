package dev.apigw.security.throttle;

import dev.apigw.security.Decision;
import dev.apigw.security.SecurityControl;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.apigw.security.throttle.ThrottleFixture.anonymous;
import static dev.apigw.security.throttle.ThrottleFixture.apiKey;
import static dev.apigw.security.throttle.ThrottleFixture.headers;
import static dev.apigw.security.throttle.ThrottleFixture.principal;
import static dev.apigw.security.throttle.ThrottleFixture.reason;
import static org.assertj.core.api.Assertions.assertThat;

class ThrottleControlTest {

    private static RateLimit limit(String rate, long burst) {
        return RateLimit.of(dev.apigw.security.config.RateFormat.parse(rate), burst);
    }

    @Test
    void admitsExactlyTheBurstThenOneRequestPerRefill() {
        var f = new ThrottleFixture(ThrottleSettings.NONE);
        SecurityControl c = f.route(limit("2/s", 5));
        for (int i = 0; i < 5; i++) {
            assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).as("request %d of the burst", i + 1).isTrue();
        }
        Decision sixth = c.decide(anonymous("192.0.2.1"));
        assertThat(reason(sixth)).isEqualTo("throttled");
        assertThat(((Decision.Reject) sixth).problem().status()).isEqualTo(429);
        assertThat(headers(sixth)).containsEntry("Retry-After", "1");
        f.clock.advance(Duration.ofMillis(499));
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).as("499 ms refill less than one token").isFalse();
        f.clock.advance(Duration.ofMillis(1));
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).as("500 ms refill one token at 2/s").isTrue();
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).isFalse();
        f.clock.advance(Duration.ofSeconds(10));
        int admitted = 0;
        while (c.decide(anonymous("192.0.2.1")).proceeds()) {
            admitted++;
        }
        assertThat(admitted).as("a long pause refills to the burst, never beyond").isEqualTo(5);
    }

    @Test
    void eachClientHasItsOwnRouteBucketAndIpv6CountsPerSlash64() {
        var f = new ThrottleFixture(ThrottleSettings.NONE);
        SecurityControl c = f.route(limit("1/h", 1));
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).isTrue();
        assertThat(c.decide(anonymous("192.0.2.2")).proceeds()).isTrue();
        assertThat(c.decide(principal("alice")).proceeds()).isTrue();
        assertThat(c.decide(principal("alice")).proceeds()).isFalse();
        assertThat(c.decide(anonymous("2001:db8:1:2::1")).proceeds()).isTrue();
        assertThat(c.decide(anonymous("2001:db8:1:2:ffff:ffff:ffff:ffff")).proceeds()).as("same /64").isFalse();
        assertThat(c.decide(anonymous("2001:db8:1:3::1")).proceeds()).as("next /64").isTrue();
    }

    @Test
    void admittedRequestCarriesRateLimitFieldsOfDraft11() {
        var f = new ThrottleFixture(ThrottleSettings.builder().anonymous(limit("10/s", 20)).build());
        Decision d = f.route(limit("20/s", 40)).decide(anonymous("192.0.2.1"));
        assertThat(headers(d))
                .containsEntry("RateLimit-Policy", "\"route\";q=40;w=2, \"anonymous\";q=20;w=2")
                .containsEntry("RateLimit", "\"route\";r=39;t=1, \"anonymous\";r=19;t=1");
    }

    @Test
    void theGlobalLimitIsEnforcedButNeverDescribed() {
        var f = new ThrottleFixture(ThrottleSettings.builder().global(limit("1/h", 2)).build());
        SecurityControl c = f.route(null);
        Decision first = c.decide(anonymous("192.0.2.1"));
        assertThat(headers(first)).doesNotContainKeys("RateLimit", "RateLimit-Policy");
        assertThat(c.decide(anonymous("192.0.2.2")).proceeds()).isTrue();
        Decision third = c.decide(anonymous("192.0.2.3"));
        assertThat(reason(third)).isEqualTo("throttled");
        assertThat(headers(third)).containsEntry("RateLimit", "\"global\";r=0;t=3600")
                .containsEntry("Retry-After", "3600").doesNotContainKey("RateLimit-Policy");
    }

    @Test
    void aRefusalByALaterLimitTakesNoTokenFromTheEarlierOnes() {
        var f = new ThrottleFixture(ThrottleSettings.builder().global(limit("1/h", 1)).build());
        SecurityControl c = f.route(limit("1/h", 3));
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(reason(c.decide(anonymous("192.0.2.1")))).isEqualTo("throttled");
        }
        f.clock.advance(Duration.ofHours(1));
        Decision d = c.decide(anonymous("192.0.2.1"));
        assertThat(headers(d)).as("the refused requests left the route's tokens untouched")
                .containsEntry("RateLimit", "\"route\";r=2;t=3600");
    }

    @Test
    void usagePlanLimitsEachApiKeyAndPrincipalsWithoutPlanGetPerPrincipal() {
        var f = new ThrottleFixture(ThrottleSettings.builder()
                .perPrincipal(limit("1/h", 1))
                .plan(new UsagePlan("gold", limit("1/h", 2), null))
                .build());
        SecurityControl c = f.route(null);
        assertThat(c.decide(apiKey("k-1", "gold")).proceeds()).isTrue();
        assertThat(c.decide(apiKey("k-1", "gold")).proceeds()).isTrue();
        Decision third = c.decide(apiKey("k-1", "gold"));
        assertThat(reason(third)).isEqualTo("throttled");
        assertThat(headers(third)).containsEntry("RateLimit-Policy", "\"plan\";q=2;w=7200");
        assertThat(c.decide(apiKey("k-2", "gold")).proceeds()).as("another key of the plan").isTrue();
        assertThat(c.decide(principal("bob")).proceeds()).isTrue();
        assertThat(c.decide(principal("bob")).proceeds()).isFalse();
        assertThat(c.decide(apiKey("k-3", "unknown-plan")).proceeds()).as("unknown plan: per principal").isTrue();
        assertThat(c.decide(apiKey("k-3", "unknown-plan")).proceeds()).isFalse();
    }

    @Test
    void anonymousLimitAppliesOnlyToPublicRequests() {
        var f = new ThrottleFixture(ThrottleSettings.builder().anonymous(limit("1/h", 1)).build());
        SecurityControl c = f.route(null);
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).isTrue();
        assertThat(c.decide(anonymous("192.0.2.1")).proceeds()).isFalse();
        assertThat(c.decide(principal("alice")).proceeds()).as("authenticated, no perPrincipal").isTrue();
        assertThat(c.decide(principal("alice")).proceeds()).isTrue();
    }

    @Test
    void storeFailureFollowsOnFailure() {
        BucketStore broken = new FailingBucketStore();
        for (var policy : StoreSettings.OnFailure.values()) {
            var settings = ThrottleSettings.builder().store(new StoreSettings("fake", 10, dev.apigw.security.Secret.of("x"),
                    policy, Duration.ofMillis(50))).anonymous(limit("1/s", 1)).build();
            Decision d = new ThrottleFixture(settings, broken).route(null).decide(anonymous("192.0.2.1"));
            switch (policy) {
                case DENY -> {
                    assertThat(reason(d)).isEqualTo("throttling_unavailable");
                    assertThat(((Decision.Reject) d).problem().status()).isEqualTo(503);
                    assertThat(headers(d)).containsEntry("Retry-After", "1");
                }
                case ALLOW, LOCAL -> assertThat(d.proceeds()).as(policy.name()).isTrue();
            }
        }
    }
}
