package dev.apigw.security.ip;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.RequestView;
import dev.apigw.security.ip.ClientAddressResolver.ForwardingHeaders;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTest {

    static final ClientAddressResolver RESOLVER = resolver("10.0.0.0/8", "2001:db8:ffff::/48");

    @Test
    void untrustedPeerIsTheClientAndItsHeadersAreIgnored() {
        RequestView request = FakeRequest.get("/").peer("198.51.100.9")
                .header("X-Forwarded-For", "203.0.113.1")
                .header("Forwarded", "for=203.0.113.2").build();
        assertThat(RESOLVER.resolve(request).text()).isEqualTo("198.51.100.9");
        assertThat(RESOLVER.trustsPeer(request)).isFalse();
    }

    @Test
    void trustsNoPeerWithoutTrustedProxies() {
        ClientAddressResolver none = new ClientAddressResolver(CidrSet.empty());
        RequestView request = FakeRequest.get("/").peer("10.0.0.1").header("X-Forwarded-For", "203.0.113.1").build();
        assertThat(none.resolve(request).text()).isEqualTo("10.0.0.1");
    }

    @Test
    void trustedPeerWithoutForwardingHeaderIsTheClient() {
        assertThat(resolve("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", "")).isEqualTo("10.0.0.1");
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", " , ,")).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.1|203.0.113.1",
        "203.0.113.1, 10.0.0.2|203.0.113.1",
        "198.51.100.66, 203.0.113.1, 10.0.0.3, 10.0.0.2|203.0.113.1",
        "10.0.0.5, 10.0.0.4|10.0.0.5",
        "unknown, 10.0.0.2|unknown",
        "203.0.113.1, unknown|unknown",
        "203.0.113.1, _hidden|unknown",
        "203.0.113.1, not-an-ip|unknown",
        "203.0.113.1, 10.0.0.2 10.0.0.3|unknown",
        "::ffff:203.0.113.1, 10.0.0.2|203.0.113.1",
        "::ffff:10.0.0.9|10.0.0.9",
        "2001:db8::1, 2001:db8:ffff::1|2001:db8::1"})
    void walksHopsRightToLeftSkippingTrustedProxies(String header, String client) {
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", header)).isEqualTo(client);
    }

    @Test
    void readsHeaderLinesAsOneListInOrder() {
        RequestView request = FakeRequest.get("/").peer("10.0.0.1")
                .header("X-Forwarded-For", "198.51.100.66, 203.0.113.1")
                .header("X-Forwarded-For", "10.0.0.3")
                .header("X-Forwarded-For", "10.0.0.2").build();
        assertThat(RESOLVER.resolve(request).text()).isEqualTo("203.0.113.1");
    }

    @Test
    void neverReadsWhatTheClientWroteLeftOfTheFirstUntrustedHop() {
        String forged = "\"" + "x".repeat(100_000) + ", 10.0.0.7, 1.2.3.4:, [::1, for=";
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", forged + ", 203.0.113.1, 10.0.0.2"))
                .isEqualTo("203.0.113.1");
        assertThat(resolve("10.0.0.1", "Forwarded", "for=\"" + forged + ", for=203.0.113.1"))
                .isEqualTo("203.0.113.1");
    }

    @Test
    void readsAtMost32Elements() {
        String trusted32 = hops(32);
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", trusted32)).isEqualTo("10.0.0.101");
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", "203.0.113.1, " + hops(31))).isEqualTo("203.0.113.1");
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", "203.0.113.1, " + trusted32)).isEqualTo("unknown");
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", "203.0.113.1" + ",".repeat(40))).isEqualTo("unknown");
    }

    @Test
    void treatsAnOverlongElementAsMalformed() {
        String longElement = " ".repeat(600) + "203.0.113.1";
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", longElement)).isEqualTo("unknown");
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", "203.0.113.1, " + " ".repeat(400) + "10.0.0.2"))
                .isEqualTo("203.0.113.1");
    }

    @Test
    void prefersForwardedOverXForwardedFor() {
        RequestView request = FakeRequest.get("/").peer("10.0.0.1")
                .header("X-Forwarded-For", "203.0.113.1")
                .header("Forwarded", "for=198.51.100.7").build();
        assertThat(RESOLVER.resolve(request).text()).isEqualTo("198.51.100.7");
        assertThat(resolver(ForwardingHeaders.X_FORWARDED_FOR, "10.0.0.0/8").resolve(request).text())
                .isEqualTo("203.0.113.1");
    }

    @Test
    void readsOnlyTheConfiguredHeader() {
        RequestView xffOnly = FakeRequest.get("/").peer("10.0.0.1").header("X-Forwarded-For", "203.0.113.1").build();
        assertThat(resolver(ForwardingHeaders.FORWARDED, "10.0.0.0/8").resolve(xffOnly).text()).isEqualTo("10.0.0.1");
        RequestView forwardedOnly = FakeRequest.get("/").peer("10.0.0.1").header("Forwarded", "for=203.0.113.1")
                .build();
        assertThat(resolver(ForwardingHeaders.X_FORWARDED_FOR, "10.0.0.0/8").resolve(forwardedOnly).text())
                .isEqualTo("10.0.0.1");
    }

    @ParameterizedTest(name = "peer {0} -> {1}")
    @CsvSource({
        "::ffff:198.51.100.9, 198.51.100.9",
        "0:0:0:0:0:ffff:c633:6409, 198.51.100.9",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:1%eth0, fe80::1"})
    void readsThePeerAsTheContainerWritesIt(String peer, String client) {
        assertThat(resolve(peer)).isEqualTo(client);
    }

    @Test
    void ipv4MappedPeerIsTrustedAsIpv4() {
        assertThat(resolve("::ffff:10.0.0.1", "X-Forwarded-For", "203.0.113.1")).isEqualTo("203.0.113.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "unix:/run/app.sock", "127.1", "[fe80::1%eth0]"})
    void peerThatIsNoLiteralIsUnknownAndUntrusted(String peer) {
        RequestView request = FakeRequest.get("/").peer(peer).header("X-Forwarded-For", "203.0.113.1").build();
        assertThat(RESOLVER.resolve(request)).isEqualTo(ClientAddress.unknown());
        assertThat(RESOLVER.peer(request)).isEqualTo(ClientAddress.unknown());
        assertThat(RESOLVER.trustsPeer(request)).isFalse();
    }

    @Test
    void nullPeerIsUnknown() {
        RequestView request = FakeRequest.get("/").peer(null).build();
        assertThat(RESOLVER.resolve(request)).isEqualTo(ClientAddress.unknown());
    }

    @Test
    void reportsThePeerOnItsOwn() {
        RequestView request = FakeRequest.get("/").peer("10.0.0.1").header("X-Forwarded-For", "203.0.113.1").build();
        assertThat(RESOLVER.peer(request).text()).isEqualTo("10.0.0.1");
        assertThat(RESOLVER.trustsPeer(request)).isTrue();
    }

    static String resolve(String peer) {
        return RESOLVER.resolve(FakeRequest.get("/").peer(peer).build()).text();
    }

    static String resolve(String peer, String header, String value) {
        return RESOLVER.resolve(FakeRequest.get("/").peer(peer).header(header, value).build()).text();
    }

    /** {@code count} trusted hops, 10.0.0.101 on the left. */
    private static String hops(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "10.0.0." + (100 + i)).collect(Collectors.joining(", "));
    }

    static ClientAddressResolver resolver(String... trusted) {
        return new ClientAddressResolver(CidrSet.parse(List.of(trusted)));
    }

    static ClientAddressResolver resolver(ForwardingHeaders headers, String... trusted) {
        return new ClientAddressResolver(CidrSet.parse(List.of(trusted)), headers);
    }
}
