package dev.apigw.security.cors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The strict reading of an {@code Origin} header (RFC 6454 §7, serialised as WHATWG URL does). */
class OriginTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://app.example.com,          https://app.example.com",
            "HTTPS://APP.Example.COM,          https://app.example.com",
            "https://app.example.com:443,      https://app.example.com",
            "http://app.example.com:80,        http://app.example.com",
            "http://app.example.com:443,       http://app.example.com:443",
            "https://app.example.com:80,       https://app.example.com:80",
            "https://app.example.com:8443,     https://app.example.com:8443",
            "http://127.0.0.1:8080,            http://127.0.0.1:8080",
            "http://[::1]:8080,                http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1],         http://[::1]",
            "http://[2001:DB8::1],             http://[2001:db8::1]",
            "https://xn--bcher-kva.example,    https://xn--bcher-kva.example",
            "https://a_b.example.com,          https://a_b.example.com",
            "http://localhost:65535,           http://localhost:65535",
    })
    void readsAndNormalisesAnOrigin(String text, String canonical) {
        assertThat(Origin.read(text)).hasToString(canonical);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "", "null", "https://", "https:/app.example.com", "app.example.com", "//app.example.com",
            "ftp://app.example.com", "file://", "chrome-extension://abcdef",
            "https://app.example.com/", "https://app.example.com/path", "https://app.example.com?x=1",
            "https://app.example.com#x", "https://user@app.example.com", "https://user:pw@app.example.com",
            "https://app.example.com:", "https://app.example.com:0", "https://app.example.com:65536",
            "https://app.example.com:08443", "https://app.example.com:+443", "https://app.example.com:443:443",
            "https://app.example.com:4 43", "https://app..example.com", "https://.app.example.com",
            "https://app.example.com.", "https://bücher.example", "https://app example.com",
            "https://app.example.com\r\nX-Injected: 1", "https://app.example.com\t", " https://app.example.com",
            "https://%61pp.example.com", "https://127.1", "https://0x7f.0.0.1", "https://1.2.3.4.5",
            "https://010.0.0.1", "http://[::ffff:1.2.3.4]", "http://[fe80::1%25eth0]", "http://[::1",
            "http://::1", "http://[::1]x", "http://[not-ipv6]", "https://app.example.com, https://evil.test",
            "https://app.example.com https://evil.test",
    })
    void refusesAnythingThatIsNotStrictlyAnOrigin(String text) {
        assertThat(Origin.read(text)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {64, 254})
    void refusesOverlongLabelsAndHosts(int length) {
        String host = length == 64 ? "a".repeat(64) + ".example.com" : ("a".repeat(62) + ".").repeat(4) + "com";
        assertThat(Origin.read("https://" + host)).isNull();
        assertThat(Origin.read("https://" + "a".repeat(63) + ".example.com")).isNotNull();
    }

    @Test
    void refusesHugeTextBeforeReadingIt() {
        assertThat(Origin.read("https://" + "a.".repeat(100_000) + "com")).isNull();
        assertThat(Origin.read(null)).isNull();
    }
}
