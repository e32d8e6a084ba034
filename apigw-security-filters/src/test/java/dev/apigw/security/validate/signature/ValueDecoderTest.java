package dev.apigw.security.validate.signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValueDecoderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "%27%20OR%201%3D1|' OR 1=1",
        "%2527|'",
        "%252527|'",
        "%c0%ae%c0%ae%c0%af|../",
        "%e0%80%ae|.",
        "%uff1cscript%uff1e|<script>",
        "&lt;script&gt;|<script>",
        "&#60;&#x3c;&#0000060|<<<",
        "&ltscript|<script",
        "\\x3cscript\\u003e|<script>",
        "\\u{3c}b|<b",
        "＜ｓｃｒｉｐｔ＞|<script>",
        "1‘ OR ‘1‘=‘1|1' OR '1'='1",
        "%bc|¼",
        "50% off|50% off",
        "%zz%4|%zz%4",
        "C:\\Users\\x|C:\\Users\\x",
        "a+b|a+b",
        "%27+OR+1|' OR 1",
    })
    void peelsEncodings(String in, String out) {
        assertThat(ValueDecoder.decode(in)).isEqualTo(out);
    }

    @Test
    void decodesTheNamedReferencesUsedToHideSchemes() {
        assertThat(ValueDecoder.decode("ja&Tab;va&NewLine;script&colon;")).isEqualTo("ja\tva\nscript:");
    }

    @Test
    void stopsAfterBoundedRounds() {
        // Five layers of percent-encoding: three rounds peel three, two stay.
        assertThat(ValueDecoder.decode("%2525252527")).isEqualTo("%2527");
    }

    @Test
    void returnsTheSameStringWhenNothingIsEncoded() {
        String plain = "nothing to see here";
        assertThat(ValueDecoder.decode(plain)).isSameAs(plain);
    }

    @Test
    void neverGrowsTheText() {
        String hostile = "&#1114111;".repeat(100) + "%f4%8f%bf%bf".repeat(100) + "\\u{10ffff}".repeat(100);
        assertThat(ValueDecoder.decode(hostile).length()).isLessThanOrEqualTo(hostile.length());
    }
}
