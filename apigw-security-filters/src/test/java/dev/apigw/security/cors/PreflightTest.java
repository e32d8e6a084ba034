package dev.apigw.security.cors;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.apigw.security.cors.CorsControlTest.CONTROL;
import static dev.apigw.security.cors.CorsControlTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Preflights: Fetch §3.2.2 (the request) and §3.2.3 (the answer), Private Network Access §3. */
class PreflightTest {

    private static final String VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private static Decision preflight(CorsControl control, String origin, String method, String... extra) {
        FakeRequest.Builder r = FakeRequest.request("OPTIONS", "/pets").secure(true).server("api.example.com", 443)
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        for (int i = 0; i < extra.length; i += 2) {
            r.header(extra[i], extra[i + 1]);
        }
        return control.decide(FakeExchange.of(r.build()));
    }

    private static Decision.Respond answered(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Respond.class);
        return (Decision.Respond) decision;
    }

    @Test
    void allowedPreflightIsAnswered204WithTheWholeGrant() {
        Decision.Respond answer = answered(preflight(CONTROL, "https://app.example.com", "PUT",
                "Access-Control-Request-Headers", "authorization,x-trace"));
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.headers()).containsExactly(
                new Decision.Header("Access-Control-Allow-Origin", "https://app.example.com"),
                new Decision.Header("Access-Control-Allow-Methods", "GET, POST, PUT"),
                new Decision.Header("Access-Control-Allow-Headers", "authorization, x-trace"),
                new Decision.Header("Access-Control-Max-Age", "600"),
                new Decision.Header("Access-Control-Allow-Credentials", "true"),
                new Decision.Header("Vary", VARY));
    }

    @Test
    void requestedHeadersCompareCaseInsensitivelyAndAreEchoedLowerCase() {
        Decision.Respond answer = answered(preflight(CONTROL, "https://a.example.com", "POST",
                "Access-Control-Request-Headers", " X-Trace ,\tCONTENT-TYPE,, ",
                "Access-Control-Request-Headers", "Authorization"));
        assertThat(answer.headers()).contains(
                new Decision.Header("Access-Control-Allow-Headers", "x-trace, content-type, authorization"));
    }

    @Test
    void preflightWithoutRequestedHeadersHasNoAllowHeaders() {
        Decision.Respond answer = answered(preflight(CONTROL, "https://app.example.com", "GET"));
        assertThat(answer.headers()).extracting(Decision.Header::name)
                .doesNotContain("Access-Control-Allow-Headers", "Access-Control-Allow-Private-Network");
    }

    @ParameterizedTest(name = "[{index}] {0} {1} [{2}]: {3}")
    @CsvSource(delimiter = '|', value = {
            "https://evil.test             | PUT    |                      | origin https://evil.test is not in allowedOrigins",
            "https://example.com           | PUT    |                      | origin https://example.com is not in allowedOrigins",
            "https://api.example.com.evil.test | PUT |                     | origin https://api.example.com.evil.test is not in allowedOrigins",
            "null                          | PUT    |                      | Origin null is not in allowedOrigins",
            "https://app.example.com/x     | PUT    |                      | malformed Origin header",
            "https://app.example.com       | DELETE |                      | requested method DELETE is not in allowedMethods",
            "https://app.example.com       | put    |                      | requested method put is not in allowedMethods",
            "https://app.example.com       | PU T   |                      | malformed Access-Control-Request-Method",
            "https://app.example.com       | PUT    | x-other              | requested header x-other is not in allowedHeaders",
            "https://app.example.com       | PUT    | x-trace,cookie       | requested header cookie is not in allowedHeaders",
            "https://app.example.com       | PUT    | x trace              | malformed or overlong Access-Control-Request-Headers",
            "https://app.example.com       | PUT    | x-trace;a            | malformed or overlong Access-Control-Request-Headers",
    })
    void anythingNotAllowedIs403WithNoAllowHeader(String origin, String method, String headers, String note) {
        Decision d = headers == null ? preflight(CONTROL, origin, method)
                : preflight(CONTROL, origin, method, "Access-Control-Request-Headers", headers);
        Problem p = problem(d);
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.reason()).isEqualTo("cors_rejected");
        assertThat(p.headers()).containsExactly(Map.entry("Vary", VARY));
        assertThat(p.internalNote()).isEqualTo(note);
    }

    @Test
    void tooManyRequestedHeadersAreRefusedUnread() {
        String many = String.join(",", Arrays.stream(new String[Preflight.MAX_REQUESTED_HEADERS + 1])
                .map(x -> "authorization").toList());
        assertThat(Preflight.requestedHeaders(List.of(many))).isNull();
        CorsControl any = new CorsControl(CorsPolicy.builder().allowedOrigins("https://a.test").allowedHeaders("*")
                .build());
        assertThat(problem(preflight(any, "https://a.test", "GET", "Access-Control-Request-Headers", many)).reason())
                .isEqualTo("cors_rejected");
    }

    @Test
    void starInAllowedHeadersEchoesWhatWasAskedForEvenWithCredentials() {
        CorsControl any = new CorsControl(CorsPolicy.builder().allowedOrigins("https://a.test").allowedHeaders("*")
                .allowCredentials(true).build());
        assertThat(answered(preflight(any, "https://a.test", "POST", "Access-Control-Request-Headers",
                "x-one,x-two")).headers())
                .contains(new Decision.Header("Access-Control-Allow-Headers", "x-one, x-two"));
    }

    @Test
    void sameOriginPreflightStillNeedsTheList() {
        var request = FakeRequest.request("OPTIONS", "/pets").server("localhost", 8080)
                .header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "PUT").build();
        assertThat(problem(CONTROL.decide(FakeExchange.of(request))).reason()).isEqualTo("cors_rejected");
    }

    @ParameterizedTest(name = "allowPrivateNetwork={0}, requested={1}")
    @CsvSource({
            "false, , 204, false",
            "true,  , 204, false",
            "true,  true, 204, true",
            "false, true, 403, false",
            "true,  false, 204, false",
    })
    void privateNetworkAccessOnlyWhenOptedInAndAskedFor(boolean optIn, String requested, int status, boolean granted) {
        CorsControl control = new CorsControl(CorsPolicy.builder().allowedOrigins("https://a.test")
                .allowPrivateNetwork(optIn).build());
        Decision d = requested == null ? preflight(control, "https://a.test", "GET")
                : preflight(control, "https://a.test", "GET", "Access-Control-Request-Private-Network", requested);
        if (status == 403) {
            assertThat(problem(d).internalNote()).contains("private network");
            return;
        }
        assertThat(answered(d).headers().contains(
                new Decision.Header("Access-Control-Allow-Private-Network", "true"))).isEqualTo(granted);
    }

    @ParameterizedTest(name = "{0} with Origin={1}, ACRM={2}: {3}")
    @CsvSource({
            "OPTIONS, https://a.test, PUT, PUT",
            "OPTIONS, ,               PUT, ",
            "OPTIONS, https://a.test, ,    ",
            "GET,     https://a.test, PUT, ",
            "options, https://a.test, PUT, ",
    })
    void onlyOptionsWithOriginAndRequestMethodIsAPreflight(String method, String origin, String acrm, String asked) {
        FakeRequest.Builder r = FakeRequest.request(method, "/x");
        if (origin != null) {
            r.header("Origin", origin);
        }
        if (acrm != null) {
            r.header("Access-Control-Request-Method", acrm);
        }
        assertThat(CorsControl.preflightMethod(r.build())).isEqualTo(asked);
    }
}
