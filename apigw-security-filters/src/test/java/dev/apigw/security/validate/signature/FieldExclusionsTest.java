package dev.apigw.security.validate.signature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldExclusionsTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "/description, /description, true",
        "/description, /description/0, true",
        "/description, /descriptions, false",
        "/description, /a/description, false",
        "/items/*/html, /items/7/html, true",
        "/items/*/html, /items/7/text, false",
        "/items/*/html, /items/7, false",
        "/a~1b, /a~1b, true",
        "/a~1b, /a/b, false",
        "/, /, true",
        "/, /x, false",
    })
    void coversAPointerAndWhatLiesBelowIt(String pattern, String pointer, boolean covered) {
        assertThat(FieldExclusions.covers(pattern, pointer)).isEqualTo(covered);
    }
}
