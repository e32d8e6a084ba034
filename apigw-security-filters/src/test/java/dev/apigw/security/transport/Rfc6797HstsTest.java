package dev.apigw.security.transport;

import dev.apigw.security.Decision;
import dev.apigw.security.transport.TransportPolicy.Hsts;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code Strict-Transport-Security} header, RFC 6797. */
class Rfc6797HstsTest {

    @ParameterizedTest(name = "{0}s, {1}, {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "31536000|true|false|max-age=31536000; includeSubDomains",
        "31536000|true|true|max-age=31536000; includeSubDomains; preload",
        "600|false|false|max-age=600",
        "0|false|false|max-age=0"})
    void writesTheDirectivesOfSection6_1(long seconds, boolean includeSubDomains, boolean preload, String value) {
        assertThat(new Hsts(Duration.ofSeconds(seconds), includeSubDomains, preload).headerValue()).isEqualTo(value);
    }

    @Test
    void sendsWholeSecondsOnly() {
        assertThat(new Hsts(Duration.ofMillis(1999), false, false).headerValue()).isEqualTo("max-age=1");
    }

    @Test
    void addsTheHeaderOverHttps() {
        Decision decision = decide(true);
        assertThat(decision).isInstanceOf(Decision.Proceed.class);
        assertThat(((Decision.Proceed) decision).responseHeaders())
                .containsExactly(new Decision.Header("Strict-Transport-Security",
                        "max-age=31536000; includeSubDomains"));
    }

    @Test
    void neverSendsTheHeaderOverPlainHttp() {
        // §7.2: an HSTS host must not include the header in responses over non-secure transport.
        Decision decision = decide(false);
        assertThat(decision).isSameAs(Decision.proceed());
    }

    @Test
    void precomputesTheDecisionOverHttps() {
        TransportControl control = control();
        FakeExchange exchange = FakeExchange.of(FakeRequest.get("/").build()).withHttps(true);
        assertThat(control.decide(exchange)).isSameAs(control.decide(exchange));
    }

    private static Decision decide(boolean https) {
        return control().decide(FakeExchange.of(FakeRequest.get("/").build()).withHttps(https));
    }

    private static TransportControl control() {
        return new TransportControl(TransportPolicy.builder().requireHttps(false)
                .hsts(new Hsts(Duration.ofDays(365), true, false)).build());
    }
}
