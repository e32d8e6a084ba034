package dev.apigw.security.ip;

import dev.apigw.security.RequestView;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.apigw.security.ip.ClientAddressResolverTest.RESOLVER;
import static dev.apigw.security.ip.ClientAddressResolverTest.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Forwarded} header, RFC 7239, behind the trusted peer 10.0.0.1 (trusted: 10.0.0.0/8). */
class Rfc7239ForwardedTest {

    @ParameterizedTest(name = "Forwarded: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // §4 examples.
        "for=\"_gazonk\"|unknown",
        "For=\"[2001:db8:cafe::17]:4711\"|2001:db8:cafe::17",
        "for=192.0.2.60;proto=http;by=203.0.113.43|192.0.2.60",
        "for=192.0.2.43, for=198.51.100.17|198.51.100.17",
        // §6.2: an unknown right-most hop leaves the client unknown.
        "for=192.0.2.43,for=\"[2001:db8:cafe::17]\",for=unknown|unknown",
        // §5.2 names the client of each hop; CONTRACT §4 walks them right to left, skipping trusted proxies.
        "for=192.0.2.43, for=10.0.0.9|192.0.2.43",
        "for=10.0.0.8, for=10.0.0.9|10.0.0.8",
        // §6 nodes: ports, quoting, IPv4-mapped.
        "for=\"192.0.2.43:4711\"|192.0.2.43",
        "for=\"192.0.2.43:_port\"|192.0.2.43",
        "for=\"[2001:db8::1]\"|2001:db8::1",
        "for=\"[2001:db8::1]:_p.x-y\"|2001:db8::1",
        "for=\"[::ffff:192.0.2.43]\"|192.0.2.43",
        "for=\"192.0.2.43:65535\"|192.0.2.43",
        "for=\"192.0.2.43:99999\"|192.0.2.43",
        // §6.2, §6.3 unknown and obfuscated nodes.
        "for=unknown|unknown",
        "for=UNKNOWN|unknown",
        "for=\"unknown:4711\"|unknown",
        "for=_hidden|unknown",
        "for=\"_hidden:_port\"|unknown",
        // §4 parameter names are case-insensitive; other parameters are ignored.
        "FOR=192.0.2.43|192.0.2.43",
        "fOr=192.0.2.43;PROTO=https;BY=_x;host=example.com;ext=\"a;b,c\"|192.0.2.43",
        "by=10.0.0.1;for=192.0.2.43|192.0.2.43",
        // RFC 9110 quoted-string: escapes are unfolded, commas and semicolons inside do not split.
        "for=\"\\1\\92.0.2.43\"|192.0.2.43",
        "for=198.51.100.7;host=\"evil, for=192.0.2.99\"|198.51.100.7",
        "for=198.51.100.7;host=\"a\\\"b, for=192.0.2.99\"|198.51.100.7",
        "for=198.51.100.7;host=\"a\\\\\", for=10.0.0.5|198.51.100.7",
        // Tolerated: OWS around ';' and empty pairs and list elements; unquoted bracketed IPv6 and ports.
        "for=192.0.2.43 ; proto=https|192.0.2.43",
        ";for=192.0.2.43;;|192.0.2.43",
        "for=192.0.2.43,,, |192.0.2.43",
        "for=[2001:db8::1]|2001:db8::1",
        "for=192.0.2.43:4711|192.0.2.43"})
    void resolvesTheClient(String header, String client) {
        assertThat(resolve("10.0.0.1", "Forwarded", header)).isEqualTo(client);
    }

    @ParameterizedTest(name = "Forwarded: {0}")
    @ValueSource(strings = {
        "for=\"2001:db8::1\"", "for=2001:db8::1", "for=\"[192.0.2.43]\"", "for=\"192.0.2.43:123456\"",
        "for=\"192.0.2.43:\"", "for=\"192.0.2.43:_\"", "for=\"192.0.2.43:_a b\"", "for=\"[2001:db8::1]x\"",
        "for=\"[2001:db8::1\"", "for=192.0.2.43;for=198.51.100.7", "for=192.0.2.43;proto=http;proto=https",
        "proto=https", "by=192.0.2.43", "for", "for 192.0.2.43", "=192.0.2.43", "for=", "for= 192.0.2.43",
        "for =192.0.2.43", "for=192.0.2.43 x", "for=192.0.2.43\"", "for=\"192.0.2.43", "for=\"192.0.2.43\"x",
        "for=\"192.0.2.43\\\"", "for=\"192.0.2\u0000.43\"", "for=192.0.2.43\u0000", "for=192.0.2.43;=x",
        "for=192.0.2.43;b@d=x", "f\u00f6r=192.0.2.43", "for=127.1", "for=0x7f.0.0.1", "for=\"\"",
        "for=192.0.2.43\u00a0", "for=\"fe80::1%eth0\"", "for=\"[fe80::1%25eth0]\""})
    void treatsAMalformedOrAddresslessElementAsUnknownClient(String header) {
        assertThat(resolve("10.0.0.1", "Forwarded", header)).isEqualTo("unknown");
    }

    @Test
    void readsHeaderLinesAsOneListInOrder() {
        RequestView request = FakeRequest.get("/").peer("10.0.0.1")
                .header("Forwarded", "for=198.51.100.66, for=192.0.2.43")
                .header("Forwarded", "for=\"[2001:db8:ffff::1]\";proto=https")
                .header("Forwarded", "for=10.0.0.2").build();
        assertThat(RESOLVER.resolve(request).text()).isEqualTo("192.0.2.43");
    }

    @Test
    void everyHopTrustedMakesTheLeftMostTheClient() {
        assertThat(resolve("10.0.0.1", "Forwarded", "for=10.0.0.3, for=\"[2001:db8:ffff::9]\", for=10.0.0.2"))
                .isEqualTo("10.0.0.3");
    }

    @Test
    void ignoresForwardedFromAnUntrustedPeer() {
        assertThat(resolve("198.51.100.9", "Forwarded", "for=192.0.2.43")).isEqualTo("198.51.100.9");
    }
}
