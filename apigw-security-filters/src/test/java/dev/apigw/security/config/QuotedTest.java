package dev.apigw.security.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class QuotedTest {

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("plain", "\"plain\""),
                arguments("say \"hi\"", "\"say \\\"hi\\\"\""),
                arguments("a\\b", "\"a\\\\b\""),
                arguments("line\nbreak\r\t", "\"line\\nbreak\\r\\t\""),
                arguments("bell\u0007esc\u001b", "\"bell\\u0007esc\\u001b\""),
                arguments("rtl\u202eevil", "\"rtl\\u202eevil\""),
                arguments("zero\u200bwidth", "\"zero\\u200bwidth\""),
                arguments("sep\u2028x", "\"sep\\u2028x\""),
                arguments("lone\ud800x", "\"lone\\ud800x\""),
                arguments("emoji\ud83d\ude00", "\"emoji\ud83d\ude00\""),
                arguments("café", "\"café\""));
    }

    @ParameterizedTest
    @MethodSource("values")
    void escapesWhatCouldBreakOrHideAMessage(String value, String shown) {
        assertThat(Quoted.of(value)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"60, false", "61, true", "500, true"})
    void cutsLongValuesAtSixtyCharactersAndSaysSo(int length, boolean cut) {
        String value = "x".repeat(length);
        String shown = Quoted.of(value);
        assertThat(shown).startsWith('"' + "x".repeat(Math.min(length, 60)) + '"');
        assertThat(shown.endsWith("...")).isEqualTo(cut);
    }
}
