package dev.apigw.security.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationFormatTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "5m, PT5M",
            "1h, PT1H",
            "1d, PT24H",
            "365d, PT8760H",
            "0, PT0S",
            "0s, PT0S",
            "0ms, PT0S",
            "106751d, PT2562024H",
    })
    void readsWholeNumbersWithAUnit(String text, String iso) {
        assertThat(DurationFormat.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "-5s", "+5s", "1.5h", "5 m", " 5m", "5m ", "5M", "5S", "05m", "5min",
            "5sec", "PT5M", "5m\n", "1h30m", "ms", "5µs", "５m"})
    void refusesEverythingElseNamingTheValueAndTheShapes(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DurationFormat.parse(text))
                .withMessage(Quoted.of(text) + " is not a duration (write 500ms, 30s, 5m, 1h or 1d)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"106752d", "999999999999999999d", "999999999999999999h", "9223372036855s"})
    void refusesDurationsWhoseNanosecondsOverflowALong(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DurationFormat.parse(text))
                .withMessage(Quoted.of(text) + " is too long (the longest is 106751d)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999999999s", "12345678901234567890d"})
    void refusesNumbersWithMoreThanEighteenDigitsAsMalformed(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DurationFormat.parse(text))
                .withMessageEndingWith("is not a duration (write 500ms, 30s, 5m, 1h or 1d)");
    }
}
