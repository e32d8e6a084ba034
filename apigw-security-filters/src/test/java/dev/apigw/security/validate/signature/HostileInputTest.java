package dev.apigw.security.validate.signature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long hostile inputs finish: every detector reads a value a constant number of times, so a megabyte of a
 * worst-case pattern costs the same order of work as a megabyte of text. No wall-clock assertion (timing belongs to
 * benchmarks); a regression to quadratic work would show up as this test hanging until the build's timeout.
 */
class HostileInputTest {

    private static final int MEGABYTE = 1 << 20;
    private final SignatureScanner scanner = new SignatureScanner(Category.all());

    @ParameterizedTest
    @ValueSource(strings = {"(", "'", "<", "%25", "/*", "--", "a or ", "<a ", "$(", "`", ";", "\\", "&#", "\"", "x'",
        "&lt;", "\\x3c", "%c0%ae", "@@", "::", "!entity ", "for ", "if ", "\r\n", "GET ", "document.", "url(", "{{",
        "+ADw-", "${", "((", ")", "or(", "'||", "0x2e", "on", "<!--", "javascript", "[", "/", " "})
    void finishesOnAMegabyteOfOnePattern(String unit) {
        String value = unit.repeat(MEGABYTE / unit.length());
        scanner.scan(value);
        scanner.scanBody(java.util.List.of(BodyValue.name("x", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "<script>", "' or '1'='1", "$(id)"})
    void stillFindsARepeatedAttack(String unit) {
        assertThat(scanner.scan(unit.repeat(MEGABYTE / unit.length()))).isPresent();
    }
}
