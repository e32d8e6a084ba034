package dev.apigw.security.cors;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Actual (non-preflight) cross-origin requests: Fetch §3.2.3 and CONTRACT §4 "CORS". */
class CorsControlTest {

    static final CorsPolicy POLICY = CorsPolicy.builder()
            .allowedOrigins("https://app.example.com", "https://*.example.com")
            .allowedMethods("GET", "POST", "PUT")
            .allowedHeaders("Authorization", "Content-Type", "X-Trace")
            .exposedHeaders("X-Request-Id", "RateLimit")
            .allowCredentials(true)
            .maxAge(Duration.ofMinutes(10))
            .build();
    static final CorsControl CONTROL = new CorsControl(POLICY);

    static List<Decision.Header> proceedHeaders(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Proceed.class);
        return ((Decision.Proceed) decision).responseHeaders();
    }

    static Problem problem(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) decision).problem();
    }

    private static Decision actual(String method, String... origins) {
        FakeRequest.Builder r = FakeRequest.request(method, "/pets").secure(true).server("api.example.com", 443);
        for (String o : origins) {
            r.header("Origin", o);
        }
        return CONTROL.decide(FakeExchange.of(r.build()));
    }

    @Test
    void requestWithoutOriginPassesWithVaryOrigin() {
        assertThat(proceedHeaders(actual("POST"))).containsExactly(new Decision.Header("Vary", "Origin"));
    }

    @Test
    void allowedOriginGetsTheExactOriginCredentialsExposedHeadersAndVary() {
        assertThat(proceedHeaders(actual("POST", "https://shop.example.com"))).containsExactly(
                new Decision.Header("Access-Control-Allow-Origin", "https://shop.example.com"),
                new Decision.Header("Access-Control-Allow-Credentials", "true"),
                new Decision.Header("Access-Control-Expose-Headers", "X-Request-Id, RateLimit"),
                new Decision.Header("Vary", "Origin"));
    }

    @Test
    void anyOriginWithoutCredentialsStillEchoesTheOriginNeverAStar() {
        CorsControl any = new CorsControl(CorsPolicy.builder().allowAnyOrigin().build());
        var request = FakeRequest.get("/x").header("Origin", "https://elsewhere.test").build();
        assertThat(proceedHeaders(any.decide(FakeExchange.of(request)))).containsExactly(
                new Decision.Header("Access-Control-Allow-Origin", "https://elsewhere.test"),
                new Decision.Header("Vary", "Origin"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "GET    | https://evil.test                   | origin https://evil.test is not in allowedOrigins",
            "POST   | https://example.com.evil.test       | origin https://example.com.evil.test is not in allowedOrigins",
            "POST   | http://app.example.com              | origin http://app.example.com is not in allowedOrigins",
            "POST   | null                                | Origin null is not in allowedOrigins",
            "POST   | https://app.example.com/            | malformed Origin header",
            "POST   | https://app.example.com:99999       | malformed Origin header",
            "DELETE | https://app.example.com             | method DELETE is not in allowedMethods",
    })
    void crossOriginRequestThatIsNotAllowedIsRefusedWithoutAnyGrant(String method, String origin, String note) {
        Problem p = problem(actual(method, origin));
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.reason()).isEqualTo("cors_rejected");
        assertThat(p.headers()).containsExactly(java.util.Map.entry("Vary", "Origin"));
        assertThat(p.internalNote()).isEqualTo(note);
        assertThat(p.detail()).doesNotContain("evil");
    }

    @Test
    void severalOriginHeadersAreRefused() {
        assertThat(problem(actual("GET", "https://app.example.com", "https://evil.test")).internalNote())
                .isEqualTo("several Origin headers");
    }

    @Test
    void listedNullOriginIsGrantedAsNull() {
        CorsControl control = new CorsControl(CorsPolicy.builder().allowedOrigins("null").build());
        var request = FakeRequest.get("/x").header("Origin", "null").build();
        assertThat(proceedHeaders(control.decide(FakeExchange.of(request))))
                .contains(new Decision.Header("Access-Control-Allow-Origin", "null"));
    }

    /** The server's own origin: scheme from the exchange (trusted proxy), host and port as the container saw them. */
    @ParameterizedTest(name = "[{index}] {0}://{1}:{2} https={3}, Origin {4}: {5}")
    @CsvSource({
            "http,  localhost,       8080, false, http://localhost:8080,     true",
            "http,  LOCALHOST,       8080, false, http://localhost:8080,     true",
            "http,  localhost,       8080, false, http://LocalHost:8080,     true",
            "http,  localhost,       8080, false, http://localhost:8081,     false",
            "http,  localhost,       8080, false, https://localhost:8080,    false",
            "http,  localhost,       8080, false, http://localhost.:8080,    false",
            "https, api.test,        443,  true,  https://api.test,          true",
            "https, api.test,        443,  true,  https://api.test:443,      true",
            "https, api.test,        443,  true,  http://api.test,           false",
            "http,  api.test,        80,   true,  https://api.test,          true",
            "http,  api.test,        80,   true,  http://api.test,           false",
            "http,  api.test,        8080, true,  https://api.test:8080,     true",
            "http,  api.test,        8080, true,  https://api.test,          false",
            "https, api.test,        443,  false, http://api.test,           true",
            "http,  [::1],           8080, false, http://[::1]:8080,         true",
            "http,  [0:0::1],        8080, false, http://[::1]:8080,         true",
            "http,  127.0.0.1,       8080, false, http://127.0.0.1:8080,     true",
            "http,  127.0.0.1,       8080, false, http://localhost:8080,     false",
    })
    void sameOriginRequestPassesWithVaryOnly(String scheme, String host, int port, boolean https, String origin,
                                              boolean same) {
        var request = FakeRequest.request("POST", "/pets").secure("https".equals(scheme)).server(host, port)
                .header("Origin", origin).build();
        Decision decision = new CorsControl(CorsPolicy.builder().build())
                .decide(FakeExchange.of(request).withHttps(https));
        if (same) {
            assertThat(proceedHeaders(decision)).containsExactly(new Decision.Header("Vary", "Origin"));
        } else {
            assertThat(problem(decision).reason()).isEqualTo("cors_rejected");
        }
    }
}
