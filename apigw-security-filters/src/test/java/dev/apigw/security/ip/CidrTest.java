package dev.apigw.security.ip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class CidrTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0/8",
        "0.0.0.0/0, 0.0.0.0/0",
        "192.0.2.7, 192.0.2.7/32",
        "192.0.2.7/32, 192.0.2.7/32",
        "2001:db8::/32, 2001:db8::/32",
        "2001:DB8:0:0::/32, 2001:db8::/32",
        "[2001:db8::]/32, 2001:db8::/32",
        "::/0, ::/0",
        "2001:db8::1, 2001:db8::1/128",
        "::ffff:10.0.0.0/104, 10.0.0.0/8",
        "::ffff:0.0.0.0/96, 0.0.0.0/0",
        "::ffff:192.0.2.1, 192.0.2.1/32"})
    void parsesRangesAndBareAddresses(String text, String canonical) {
        assertThat(Cidr.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "10.0.0.0/8, 9.255.255.255, false",
        "10.0.0.0/8, ::ffff:10.1.2.3, true",
        "10.0.0.0/8, ::a01:203, false",
        "0.0.0.0/0, 255.255.255.255, true",
        "0.0.0.0/0, ::1, false",
        "192.0.2.7/32, 192.0.2.7, true",
        "192.0.2.7/32, 192.0.2.8, false",
        "128.0.0.0/1, 200.0.0.0, true",
        "128.0.0.0/1, 127.255.255.255, false",
        "2001:db8::/32, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "2001:db8::/32, 2001:db9::, false",
        "2001:db8::/32, 10.0.0.1, false",
        "::/0, 2001:db8::1, true",
        "::/0, 10.0.0.1, false",
        "::/0, ::ffff:10.0.0.1, false",
        "8000::/1, ffff::, true",
        "8000::/1, 7fff::, false",
        "2001:db8::/64, 2001:db8::ffff:ffff:ffff:ffff, true",
        "2001:db8::/64, 2001:db8:0:1::, false",
        "2001:db8::/65, 2001:db8::7fff:ffff:ffff:ffff, true",
        "2001:db8::/65, 2001:db8::8000:0:0:0, false",
        "2001:db8::1/128, 2001:db8::1, true",
        "2001:db8::1/128, 2001:db8::2, false"})
    void containsTheAddressesOfTheRange(String range, String address, boolean contained) {
        assertThat(Cidr.parse(range).contains(address(address))).isEqualTo(contained);
    }

    @Test
    void containsNoNull() {
        assertThat(Cidr.parse("0.0.0.0/0").contains(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1/8|10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?",
        "192.0.2.7/24|192.0.2.7/24 has host bits set; did you mean 192.0.2.0/24?",
        "0.0.0.1/0|0.0.0.1/0 has host bits set; did you mean 0.0.0.0/0?",
        "2001:db8::1/32|2001:db8::1/32 has host bits set; did you mean 2001:db8::/32?",
        "2001:db8:4000::/33|2001:db8:4000::/33 has host bits set; did you mean 2001:db8::/33?",
        "::ffff:10.0.0.1/104|::ffff:10.0.0.1/104 has host bits set; did you mean 10.0.0.0/8?",
        "10.0.0.0/33|\"10.0.0.0/33\": prefix length 33 is out of range for IPv4 (0 to 32)",
        "2001:db8::/129|\"2001:db8::/129\": prefix length 129 is out of range for IPv6 (0 to 128)",
        "10.0.0.0/|\"10.0.0.0/\" is not a CIDR range: the prefix length after \"/\" must be a number from 0 to 32",
        "10.0.0.0/08|\"10.0.0.0/08\" is not a CIDR range: the prefix length after \"/\" must be a number from 0 to 32",
        "10.0.0.0/+8|\"10.0.0.0/+8\" is not a CIDR range: the prefix length after \"/\" must be a number from 0 to 32",
        "10.0.0.0/-1|\"10.0.0.0/-1\" is not a CIDR range: the prefix length after \"/\" must be a number from 0 to 32",
        "10.0.0.0/8/8|\"10.0.0.0/8/8\" is not a CIDR range: the prefix length after \"/\" must be a number"
                + " from 0 to 32",
        "10.0.0.0/1000|\"10.0.0.0/1000\" is not a CIDR range: the prefix length after \"/\" must be a number"
                + " from 0 to 32",
        "::/x|\"::/x\" is not a CIDR range: the prefix length after \"/\" must be a number from 0 to 128",
        "::ffff:0:0/95|\"::ffff:0:0/95\" is an IPv4-mapped range shorter than /96, which mixes IPv4 and IPv6"
                + " addresses; write the IPv4 range instead (e.g. 10.0.0.0/8)",
        "10.0.0/8|\"10.0.0/8\" is not a CIDR range: \"10.0.0\" is not an IPv4 or IPv6 address (write e.g. 10.0.0.0/8"
                + " or 2001:db8::/32; host names are not allowed)",
        "localhost|\"localhost\" is not a CIDR range: \"localhost\" is not an IPv4 or IPv6 address (write e.g."
                + " 10.0.0.0/8 or 2001:db8::/32; host names are not allowed)",
        "' 10.0.0.0/8'|\" 10.0.0.0/8\" is not a CIDR range: \" 10.0.0.0\" is not an IPv4 or IPv6 address (write e.g."
                + " 10.0.0.0/8 or 2001:db8::/32; host names are not allowed)"})
    void refusesInvalidRangesWithPreciseMessage(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text)).withMessage(message);
    }

    @Test
    void refusesEmptyAndNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("")).withMessageContaining("\"\"");
        assertThatNullPointerException().isThrownBy(() -> Cidr.parse(null));
    }

    @Test
    void equalsByRangeWhateverTheSpelling() {
        assertThat(Cidr.parse("2001:DB8::/32")).isEqualTo(Cidr.parse("2001:db8:0::/32"))
                .hasSameHashCodeAs(Cidr.parse("2001:db8:0::/32"));
        assertThat(Cidr.parse("::ffff:10.0.0.0/104")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.0.0.0/8")).isNotEqualTo(Cidr.parse("10.0.0.0/9"));
        assertThat(Cidr.parse("0.0.0.0/0")).isNotEqualTo(Cidr.parse("::/0"));
    }

    @Test
    void exposesNetworkPrefixAndFamily() {
        Cidr range = Cidr.parse("2001:db8::/32");
        assertThat(range.network()).isEqualTo(address("2001:db8::"));
        assertThat(range.prefixLength()).isEqualTo(32);
        assertThat(range.isIpv4()).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").isIpv4()).isTrue();
    }

    static InetAddress address(String text) {
        return IpLiteral.parse(text).orElseThrow(() -> new AssertionError("not a literal: " + text));
    }
}
