package dev.apigw.security.transport;

import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HttpsRedirectTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "example.com, example.com",
        "API.Example.COM, API.Example.COM",
        "a-b.c-d.example, a-b.c-d.example",
        "localhost, localhost",
        "xn--bcher-kva.example, xn--bcher-kva.example",
        "host1.example.com2, host1.example.com2",
        "192.0.2.1, 192.0.2.1",
        "[2001:db8::1], [2001:db8::1]",
        "2001:db8::1, [2001:db8::1]",
        "[::ffff:192.0.2.1], [::ffff:192.0.2.1]"})
    void acceptsHostNamesAndIpLiterals(String serverName, String host) {
        assertThat(HttpsRedirect.host(serverName)).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "evil.com/", "evil.com\r\nSet-Cookie: a=b", "evil.com\nx", "a b", "evil.com:443", "user@evil.com",
        "evil.com#", "evil.com?", "evil.com\\x", "-evil.com", "evil-.com", "evil..com", ".evil.com", "evil.com.",
        "under_score.example", "b\u00fccher.example", "\u0435xample.com", "127.1", "0x7f.0.0.1", "0177.0.0.1",
        "1.2.3.04", "example.0x10", "example.123", "256.0.0.1", "[192.0.2.1]", "[2001:db8::1", "[fe80::1%eth0]",
        "fe80::1%eth0", "%65vil.com", "evil.com%00"})
    void refusesAnythingElse(String serverName) {
        assertThat(HttpsRedirect.host(serverName)).isNull();
    }

    @Test
    void refusesNullAndOverlongNames() {
        assertThat(HttpsRedirect.host(null)).isNull();
        assertThat(HttpsRedirect.host(("a".repeat(63) + ".").repeat(4) + "com")).isNull();
        assertThat(HttpsRedirect.host("a".repeat(64) + ".com")).isNull();
        assertThat(HttpsRedirect.host("a".repeat(63) + ".com")).isNotNull();
    }

    static Stream<Arguments> locations() {
        return Stream.of(
            arguments("/pets", null, "https://example.com/pets"),
            arguments("/pets", "limit=10&offset=20", "https://example.com/pets?limit=10&offset=20"),
            arguments("/", "", "https://example.com/?"),
            arguments("pets", null, "https://example.com/pets"),
            arguments("", null, "https://example.com/"),
            // The path is decoded: characters a URI path may not hold are encoded again, as UTF-8.
            arguments("/a b/\u00fc/\u20ac/\uD83D\uDE00", null,
                    "https://example.com/a%20b/%C3%BC/%E2%82%AC/%F0%9F%98%80"),
            arguments("/a%2Fb;c?d#e", null, "https://example.com/a%252Fb%3Bc%3Fd%23e"),
            arguments("/\r\nSet-Cookie: a=b", null, "https://example.com/%0D%0ASet-Cookie:%20a=b"),
            arguments("//evil.com/x", null, "https://example.com//evil.com/x"),
            arguments("/\uD800x", null, "https://example.com/%3Fx"),
            // The query is raw: valid escapes stay, everything else a URI query may not hold is encoded.
            arguments("/p", "q=%41%2f&r=a+b;c/d?e", "https://example.com/p?q=%41%2f&r=a+b;c/d?e"),
            arguments("/p", "q=100%&r=%zz&s=%4", "https://example.com/p?q=100%25&r=%25zz&s=%254"),
            arguments("/p", "q=a b\r\nX: y#frag", "https://example.com/p?q=a%20b%0D%0AX:%20y%23frag"),
            arguments("/p", "q=\u00fc\"<>\\^`{|}", "https://example.com/p?q=%C3%BC%22%3C%3E%5C%5E%60%7B%7C%7D"));
    }

    @ParameterizedTest(name = "{0} ? {1} -> {2}")
    @MethodSource("locations")
    void buildsTheLocationFromPathAndQuery(String path, String query, String location) {
        FakeRequest.Builder request = FakeRequest.get(path).server("example.com", 80);
        FakeRequest built = query == null ? request.build() : request.rawQuery(query).build();
        assertThat(HttpsRedirect.location(built, 443)).isEqualTo(location);
    }

    @Test
    void addsTheHttpsPortUnless443() {
        FakeRequest request = FakeRequest.get("/x").server("example.com", 8080).build();
        assertThat(HttpsRedirect.location(request, 8443)).isEqualTo("https://example.com:8443/x");
        assertThat(HttpsRedirect.location(request, 443)).isEqualTo("https://example.com/x");
        FakeRequest ipv6 = FakeRequest.get("/x").server("[2001:db8::1]", 80).build();
        assertThat(HttpsRedirect.location(ipv6, 8443)).isEqualTo("https://[2001:db8::1]:8443/x");
    }

    @Test
    void givesNoLocationForAnInvalidHost() {
        FakeRequest request = FakeRequest.get("/x").server("evil.com\r\nX: y", 80).build();
        assertThat(HttpsRedirect.location(request, 443)).isNull();
    }
}
