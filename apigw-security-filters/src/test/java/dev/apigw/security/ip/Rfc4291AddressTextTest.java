package dev.apigw.security.ip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;

import static org.assertj.core.api.Assertions.assertThat;

/** The text forms of IPv6 addresses, RFC 4291 §2.2, and brackets of RFC 3986 §3.2.2. */
class Rfc4291AddressTextTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // Form 1: eight groups, leading zeros optional, either case.
        "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789, abcd:ef01:2345:6789:abcd:ef01:2345:6789",
        "2001:DB8:0:0:8:800:200C:417A, 2001:db8::8:800:200c:417a",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        // Form 2: "::" for one or more groups of zeros, at the start, middle or end.
        "2001:DB8::8:800:200C:417A, 2001:db8::8:800:200c:417a",
        "FF01::101, ff01::101",
        "::1, ::1",
        "::, ::",
        "1::, 1::",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
        "1::8, 1::8",
        "fe80::1, fe80::1",
        // Form 3: the low 32 bits as a dotted quad.
        "0:0:0:0:0:0:13.1.68.3, ::d01:4403",
        "::13.1.68.3, ::d01:4403",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
        // RFC 3986 IP-literal.
        "[2001:db8::1], 2001:db8::1",
        "[::], ::"})
    void parsesEveryTextForm(String text, String canonical) {
        assertThat(IpLiteral.parse(text)).get().isInstanceOf(Inet6Address.class)
                .extracting(IpLiteral::format).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ":::", "1:::2", "1::2::3", "::1::", ":1::", ":1:2:3:4:5:6:7:8", "1::2:", "1:2:3:4:5:6:7:8:", "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::", "1:23456::", "g::", "::g",
        "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.4.5", "::256.0.0.0", "::01.2.3.4", "::1.2.3.4:5", "1.2.3.4::",
        "::1.2.3.4::", "::ffff:1.2.3.4.", "::1 ", " ::1", ":: 1", "[::1", "::1]", "[[::1]]", "[]", "[", "]",
        "[::1]:80", "::1/128", "::-1", "::+1", "::\uff11", ":", "::0x1", "1:2:3:4:5:6:7:8:1.2.3.4"})
    void refusesMalformedText(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }
}
