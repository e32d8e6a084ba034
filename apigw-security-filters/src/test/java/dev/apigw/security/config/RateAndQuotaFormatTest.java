package dev.apigw.security.config;

import dev.apigw.security.throttle.Quota;
import dev.apigw.security.throttle.Rate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateAndQuotaFormatTest {

    @ParameterizedTest
    @CsvSource({"5/s, 5, PT1S", "10000/s, 10000, PT1S", "600/m, 600, PT1M", "1/h, 1, PT1H",
            "999999999999/s, 999999999999, PT1S"})
    void readsRates(String text, long tokens, String period) {
        Rate rate = RateFormat.parse(text);
        assertThat(rate).isEqualTo(new Rate(tokens, Duration.parse(period)));
        assertThat(rate).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 per sec", "10/sec", "10/min", "10/S", "0/s", "-1/s", "+1/s", "010/s", "10 /s",
            "10/s ", "1.5/s", "10", "/s", "1000000000000/s", "10rps", "10/ms"})
    void refusesOtherRates(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateFormat.parse(text))
                .withMessage(Quoted.of(text) + " is not a rate (write N/s, N/m or N/h)");
    }

    @Test
    void pointsToQuotaWhenARateIsWrittenPerDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateFormat.parse("1000/day"))
                .withMessage("\"1000/day\" is not a rate (write N/s, N/m or N/h); per day, week or month is a quota");
    }

    @ParameterizedTest
    @CsvSource({"1000/day, 1000, DAY", "5000/week, 5000, WEEK", "10000000/month, 10000000, MONTH"})
    void readsQuotas(String text, long limit, Quota.Period period) {
        Quota quota = QuotaFormat.parse(text);
        assertThat(quota).isEqualTo(new Quota(limit, period));
        assertThat(quota).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000/d", "1000/days", "1000/Day", "0/day", "1000/year", "1000 per day", "1000/s",
            "01/day", "1000000000000/month"})
    void refusesOtherQuotas(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QuotaFormat.parse(text))
                .withMessage(Quoted.of(text) + " is not a quota (write N/day, N/week or N/month)");
    }

    @Test
    void recordsRefuseNonsenseBuiltInCode() {
        assertThatIllegalArgumentException().isThrownBy(() -> Rate.perSecond(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(1, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new Quota(0, Quota.Period.DAY));
        assertThat(new Rate(3, Duration.ofSeconds(2))).hasToString("3/PT2S");
    }
}
