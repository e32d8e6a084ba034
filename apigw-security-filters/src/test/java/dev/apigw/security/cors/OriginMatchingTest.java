package dev.apigw.security.cors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which origins an {@code allowedOrigins} entry lets in (CONTRACT §4): exact origins after normalising case and
 * default ports, {@code https://*.example.com} for one or more labels on that scheme and port and nothing else,
 * {@code *} for everything but {@code null}, {@code null} only where listed.
 */
public class OriginMatchingTest {

    /** The rows are shared with the HTTP-level test, which runs them through real containers. */
    public static final String[] TABLE = {
            "https://*.example.com,     https://a.example.com,             true",
            "https://*.example.com,     https://a.b.example.com,           true",
            "https://*.example.com,     https://A.EXAMPLE.COM,             true",
            "https://*.example.com,     https://a.example.com:443,         true",
            "https://*.example.com,     https://example.com,               false",
            "https://*.example.com,     https://evilexample.com,           false",
            "https://*.example.com,     https://aexample.com,              false",
            "https://*.example.com,     https://example.com.evil.test,     false",
            "https://*.example.com,     https://a.example.com.evil.test,   false",
            "https://*.example.com,     https://a.example.com:8443,        false",
            "https://*.example.com,     http://a.example.com,              false",
            "https://*.example.com,     https://a.example.co,              false",
            "https://*.example.com,     https://.example.com,              false",
            "https://*.example.com,     https://a.example.com.,            false",
            "https://*.example.com,     https://a.example.com/,            false",
            "https://*.example.com,     https://user@a.example.com,        false",
            "https://*.example.com,     null,                              false",
            "https://*.example.com:8443, https://a.example.com:8443,       true",
            "https://*.example.com:8443, https://a.example.com,            false",
            "http://*.example.com,      http://a.example.com,              true",
            "http://*.example.com,      https://a.example.com,             false",
            "https://app.example.com,   https://app.example.com,           true",
            "https://app.example.com,   https://app.example.com:443,       true",
            "https://app.example.com,   HTTPS://APP.example.com,           true",
            "https://app.example.com,   http://app.example.com,            false",
            "https://app.example.com,   https://app.example.com:8443,      false",
            "https://app.example.com,   https://app.example.com.evil.test, false",
            "https://app.example.com,   https://evil-app.example.com,      false",
            "https://app.example.com,   https://sub.app.example.com,       false",
            "https://app.example.com,   https://app.example.com.,          false",
            "https://app.example.com,   https://app.example.com/,          false",
            "https://app.example.com,   null,                              false",
            "https://app.example.com:443, https://app.example.com,         true",
            "http://localhost:3000,     http://localhost:3000,             true",
            "http://localhost:3000,     http://localhost:3001,             false",
            "http://localhost:3000,     http://127.0.0.1:3000,            false",
            "http://[::1]:8080,         http://[0::1]:8080,                true",
            "*,                         https://anything.test,             true",
            "*,                         http://127.0.0.1:9,                true",
            "*,                         null,                              false",
            "*,                         https://bad..test,                 false",
            "null,                      null,                              true",
            "null,                      https://app.example.com,           false",
    };

    static Stream<Arguments> table() {
        return Arrays.stream(TABLE).map(row -> {
            String[] c = row.split(",");
            return Arguments.of(c[0].strip(), c[1].strip(),
                    Boolean.parseBoolean(c[2].strip()));
        });
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @MethodSource("table")
    void entryAllowsExactlyWhatItSays(String entry, String origin, boolean allowed) {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(entry).build();
        assertThat(allows(policy, origin)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://app.example.com:443 | https://app.example.com",
            "HTTPS://App.Example.COM     | https://app.example.com",
            "https://*.Example.com       | https://*.example.com",
            "http://[0::1]:8080          | http://[::1]:8080",
    })
    void entriesAreKeptInCanonicalForm(String entry, String canonical) {
        assertThat(CorsPolicy.builder().allowedOrigins(entry).build().allowedOrigins()).containsExactly(canonical);
    }

    static boolean allows(CorsPolicy policy, String header) {
        if ("null".equals(header)) {
            return policy.allowsNullOrigin();
        }
        Origin origin = Origin.read(header);
        return origin != null && policy.allowsOrigin(origin);
    }
}
