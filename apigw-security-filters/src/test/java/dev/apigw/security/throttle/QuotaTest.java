package dev.apigw.security.throttle;

import dev.apigw.security.Decision;
import dev.apigw.security.SecurityControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static dev.apigw.security.throttle.ThrottleFixture.apiKey;
import static dev.apigw.security.throttle.ThrottleFixture.headers;
import static dev.apigw.security.throttle.ThrottleFixture.reason;
import static org.assertj.core.api.Assertions.assertThat;

/** Usage-plan quotas over UTC calendar periods, with an injected clock. */
class QuotaTest {

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "DAY,   2026-11-24T10:00:00Z,      2026-11-24T00:00:00Z, 2026-11-25T00:00:00Z",
        "DAY,   2026-12-31T23:59:59.999Z,  2026-12-31T00:00:00Z, 2027-01-01T00:00:00Z",
        "WEEK,  2026-11-24T10:00:00Z,      2026-11-23T00:00:00Z, 2026-11-30T00:00:00Z",
        "WEEK,  2026-11-29T23:59:59Z,      2026-11-23T00:00:00Z, 2026-11-30T00:00:00Z",
        "WEEK,  2026-11-30T00:00:00Z,      2026-11-30T00:00:00Z, 2026-12-07T00:00:00Z",
        "WEEK,  2027-01-01T12:00:00Z,      2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z",
        "MONTH, 2026-11-24T10:00:00Z,      2026-11-01T00:00:00Z, 2026-12-01T00:00:00Z",
        "MONTH, 2028-02-29T23:00:00Z,      2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
    })
    void periodsAreUtcCalendarPeriodsWithIsoWeeksFromMonday(Quota.Period period, String now, String start,
                                                           String end) {
        Quota.Window w = new Quota(10, period).window(Instant.parse(now));
        assertThat(w.start()).isEqualTo(Instant.parse(start));
        assertThat(w.end()).isEqualTo(Instant.parse(end));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "DAY,   2026-11-24T23:59:30Z, 30",
        "WEEK,  2026-11-29T23:00:00Z, 3600",
        "MONTH, 2026-11-30T23:59:59Z, 1",
    })
    void quotaIsUsedUpThenResetsExactlyAtTheBoundary(Quota.Period period, String now, long secondsToReset) {
        var f = new ThrottleFixture(ThrottleSettings.builder()
                .plan(new UsagePlan("free", null, new Quota(3, period))).build());
        f.clock.set(Instant.parse(now));
        SecurityControl c = f.route(null);
        for (int i = 3; i > 0; i--) {
            Decision d = c.decide(apiKey("k-1", "free"));
            assertThat(d.proceeds()).isTrue();
            assertThat(headers(d).get("RateLimit")).isEqualTo("\"quota\";r=" + (i - 1) + ";t=" + secondsToReset);
        }
        Decision over = c.decide(apiKey("k-1", "free"));
        assertThat(reason(over)).isEqualTo("quota_exceeded");
        assertThat(headers(over)).containsEntry("Retry-After", Long.toString(secondsToReset))
                .containsEntry("RateLimit", "\"quota\";r=0;t=" + secondsToReset);
        assertThat(c.decide(apiKey("k-2", "free")).proceeds()).as("each key has its own quota").isTrue();
        f.clock.advance(Duration.ofSeconds(secondsToReset).minusMillis(1));
        assertThat(c.decide(apiKey("k-1", "free")).proceeds()).as("1 ms before the reset").isFalse();
        f.clock.advance(Duration.ofMillis(1));
        assertThat(c.decide(apiKey("k-1", "free")).proceeds()).as("at the reset").isTrue();
    }

    @Test
    void aQuotaRefusalGivesTheRateTokensBack() {
        var f = new ThrottleFixture(ThrottleSettings.builder().plan(new UsagePlan("free",
                RateLimit.of(Rate.perHour(1), 5), new Quota(1, Quota.Period.DAY))).build());
        f.clock.set(Instant.parse("2026-11-24T23:59:59Z"));
        SecurityControl c = f.route(null);
        assertThat(c.decide(apiKey("k-1", "free")).proceeds()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(reason(c.decide(apiKey("k-1", "free")))).isEqualTo("quota_exceeded");
        }
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(headers(c.decide(apiKey("k-1", "free"))).get("RateLimit"))
                .as("a new day; of the plan's 5 tokens only the two admitted requests are spent")
                .startsWith("\"plan\";r=3;");
    }

    @Test
    void policyFieldNamesTheQuotaAndItsPeriod() {
        var f = new ThrottleFixture(ThrottleSettings.builder()
                .plan(new UsagePlan("gold", null, new Quota(1000, Quota.Period.MONTH))).build());
        Decision d = f.route(null).decide(apiKey("k-1", "gold"));
        assertThat(headers(d)).containsEntry("RateLimit-Policy", "\"quota\";q=1000;w=2592000");
    }
}
