package dev.apigw.security.ip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "1.2.3.4", "10.0.0.1", "192.0.2.255", "255.255.255.255", "100.64.0.0"})
    void parsesStrictDottedQuad(String text) {
        assertThat(IpLiteral.parse(text)).get().isInstanceOf(Inet4Address.class)
                .extracting(InetAddress::getHostAddress).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "127.1", "127.0.1", "2130706433", "0x7f.0.0.1", "0x7f000001", "0177.0.0.1", "01.2.3.4", "1.2.3.04",
        "1.2.3.00", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "999.1.1.1", "1..1.1", ".1.2.3", "1.2.3.", "1.2.3.4.",
        "+1.2.3.4", "1.2.3.-4", "-1.2.3.4", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "1.2.3.4\u0000", "1,2,3,4",
        "1.2.3.4/8", "1.2.3.4:80", "1.2.3.a", "1.2.3.4e", "\uff11.2.3.4", "\u0661.2.3.4", "1.2.3.\u0664",
        "localhost", "example.com", "[1.2.3.4]", "", ".", "...", "1", "1.2", "1.2.3"})
    void refusesAnythingButStrictDottedQuad(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "::ffff:192.0.2.1, 192.0.2.1",
        "::FFFF:192.0.2.1, 192.0.2.1",
        "::ffff:c000:0201, 192.0.2.1",
        "0:0:0:0:0:ffff:10.0.0.1, 10.0.0.1",
        "0000:0000:0000:0000:0000:ffff:0a00:0001, 10.0.0.1",
        "[::ffff:10.0.0.1], 10.0.0.1"})
    void returnsIpv4MappedAddressAsIpv4(String text, String ipv4) {
        assertThat(IpLiteral.parse(text)).get().isInstanceOf(Inet4Address.class)
                .extracting(InetAddress::getHostAddress).isEqualTo(ipv4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1.2.3.4", "64:ff9b::192.0.2.1", "::fffe:192.0.2.1", "1::ffff:192.0.2.1"})
    void keepsOtherAddressesWithIpv4TailAsIpv6(String text) {
        assertThat(IpLiteral.parse(text)).get().isInstanceOf(Inet6Address.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fe80::1%eth0", "fe80::1%25eth0", "fe80::1%1", "[fe80::1%eth0]", "::1%", "::ffff:1.2.3.4%0"})
    void refusesZoneIds(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(IpLiteral.parse(null)).isEmpty();
    }

    @Test
    void refusesLongInputWithoutReadingIt() {
        assertThat(IpLiteral.parse("1".repeat(10_000_000))).isEmpty();
        assertThat(IpLiteral.parse("::" + "0".repeat(IpLiteral.MAX_LENGTH))).isEmpty();
    }

    @Test
    void acceptsTheLongestLiteral() {
        String longest = "[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]";
        assertThat(longest).hasSize(IpLiteral.MAX_LENGTH);
        assertThat(IpLiteral.parse(longest)).isPresent();
    }

    @Test
    void neverResolvesNames() {
        // "localhost" would resolve through getByName; a literal parser must not even try.
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("ip6-localhost")).isEmpty();
    }

    @Test
    void returnsAddressesWithoutHostName() throws Exception {
        InetAddress address = IpLiteral.parse("192.0.2.1").orElseThrow();
        assertThat(address.toString()).isEqualTo("/192.0.2.1");
        assertThat(address).isEqualTo(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}));
    }
}
