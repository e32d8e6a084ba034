package dev.apigw.security.config;

import dev.apigw.security.throttle.Quota;
import dev.apigw.security.throttle.Rate;
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.throttle.StoreSettings;
import dev.apigw.security.throttle.ThrottleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static dev.apigw.security.config.ConfigLoaderTest.errorOf;
import static dev.apigw.security.config.ConfigLoaderTest.load;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code usagePlans}, {@code throttling} and a route's {@code throttle}, from YAML to settings. */
class ThrottleConfigTest {

    private static final String BASE = """
            version: 1
            usagePlans:
              free: { rate: 5/s, burst: 10, quota: 1000/day }
              gold: { rate: 500/s, quota: 10000000/month }
              capped: { quota: 50/week }
            throttling:
              global: { rate: 10000/s, burst: 5000 }
              anonymous: { rate: 10/s, burst: 20 }
              perPrincipal: { rate: 100/m }
              store: { type: local, maxKeys: 1000000 }
              bruteForce: { maxFailures: 10, window: 1m, lockout: 15m }
            routes:
              - path: /health
                auth: none
                throttle: { rate: 20/s, burst: 40 }
            """;

    @Test
    void mapsEverySettingOntoTheBuilders() {
        GatewayConfig config = load(BASE);
        ThrottleSettings t = config.throttling();
        assertThat(t.global()).isEqualTo(RateLimit.of(Rate.perSecond(10000), 5000));
        assertThat(t.anonymous()).isEqualTo(RateLimit.of(Rate.perSecond(10), 20));
        assertThat(t.perPrincipal()).as("burst defaults to the rate's tokens").isEqualTo(RateLimit.of(Rate.perMinute(100), 100));
        assertThat(t.plans().get("free").rate()).isEqualTo(RateLimit.of(Rate.perSecond(5), 10));
        assertThat(t.plans().get("free").quota()).isEqualTo(new Quota(1000, Quota.Period.DAY));
        assertThat(t.plans().get("gold").rate().burst()).isEqualTo(500);
        assertThat(t.plans().get("capped").rate()).isNull();
        assertThat(t.plans().get("capped").quota()).isEqualTo(new Quota(50, Quota.Period.WEEK));
        assertThat(t.store().local()).isTrue();
        assertThat(t.store().maxKeys()).isEqualTo(1_000_000);
        assertThat(t.bruteForce().maxFailures()).isEqualTo(10);
        assertThat(t.bruteForce().lockout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.routes().get(0).throttle()).isEqualTo(RateLimit.of(Rate.perSecond(20), 40));
    }

    @Test
    void absentSectionsMeanNoThrottling() {
        assertThat(load("version: 1\nroutes: [{ path: /health, auth: none }]\n").throttling())
                .isSameAs(ThrottleSettings.NONE);
    }

    @Test
    void storeDefaultsAreLocalFallbackAndFiftyMilliseconds() {
        StoreSettings s = load(BASE.replace("store: { type: local, maxKeys: 1000000 }", "store: { type: local }"))
                .throttling().store();
        assertThat(s.onFailure()).isEqualTo(StoreSettings.OnFailure.LOCAL);
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.maxKeys()).isEqualTo(StoreSettings.DEFAULT_MAX_KEYS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "burst without rate|free: { rate: 5/s, burst: 10, quota: 1000/day }|free: { burst: 10 }"
            + "|config error at /usagePlans/free/burst: a burst needs a rate beside it",
        "unenforceable rate|global: { rate: 10000/s, burst: 5000 }|global: { rate: 999999999999/s }"
            + "|config error at /throttling/global: 999999999999/s is more than one request per nanosecond",
        "route rate in words|throttle: { rate: 20/s, burst: 40 }|throttle: { rate: 20 per sec }"
            + "|config error at /routes/0/throttle/rate: \"20 per sec\" is not a rate (write N/s, N/m or N/h)",
        "redis without its module|store: { type: local, maxKeys: 1000000 }|store: { type: redis, uri: 'redis://h:6379' }"
            + "|config error at /throttling/store/type: a redis store needs the module dev.apigw:apigw-security-redis",
        "zero lockout|lockout: 15m|lockout: 0|config error at /throttling/bruteForce: window and lockout must be positive",
        "unknown store key|maxKeys: 1000000|maxkeys: 1000000|config error at /throttling/store: unknown key \"maxkeys\"",
        "bad timeout|maxKeys: 1000000|timeout: fast|config error at /throttling/store/timeout: \"fast\" is not a duration",
    })
    void refusalsCarryThePointerOfTheBadNode(String what, String from, String to, String expected) {
        String yaml = BASE.replace(from, to);
        assertThat(yaml).as("the test edit applies").isNotEqualTo(BASE);
        assertThat(errorOf(yaml)).contains(expected);
    }

    @Test
    void aRedisPasswordNeverAppearsInAnError() {
        String yaml = BASE.replace("store: { type: local, maxKeys: 1000000 }",
                "store: { type: redis, uri: 'redis://:hunter2@h:6379' }");
        assertThat(errorOf(yaml)).doesNotContain("hunter2");
    }
}
