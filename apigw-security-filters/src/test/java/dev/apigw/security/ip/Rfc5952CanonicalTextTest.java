package dev.apigw.security.ip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical text of IPv6 addresses, RFC 5952 §4. */
class Rfc5952CanonicalTextTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        // §4.1 leading zeros suppressed; §4.3 lowercase.
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        // §4.2.1 "::" as long as possible.
        "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
        // §4.2.2 not for one 16-bit zero field.
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        // §4.2.3 the longest run, and the first of equal runs.
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "0:0:1:0:0:0:1:0, 0:0:1::1:0"})
    void writesCanonicalText(String text, String canonical) {
        assertThat(IpLiteral.format(IpLiteral.parse(text).orElseThrow())).isEqualTo(canonical);
    }
}
