package dev.apigw.security.validate;

import dev.apigw.security.Decision;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** 431 for oversized headers and 413 for a declared length over the limit, before anything reads the body. */
class SizeLimitControlTest {

    private final SizeLimitControl control = new SizeLimitControl(
            ValidationSettings.DEFAULTS.withMaxBodySize(1000).withMaxHeaderSize(100));

    private Decision decide(FakeRequest request) {
        return control.decide(FakeExchange.of(request));
    }

    @Test
    void refusesHeadersOverTheLimitCountingEveryValueWithItsName() {
        assertThat(decide(FakeRequest.get("/").header("X-A", "a".repeat(90)).build()).proceeds()).isTrue();
        Decision d = decide(FakeRequest.get("/").header("X-A", "a".repeat(50)).header("X-A", "a".repeat(50)).build());
        assertThat(d).isInstanceOfSatisfying(Decision.Reject.class, r -> {
            assertThat(r.problem().status()).isEqualTo(431);
            assertThat(r.problem().reason()).isEqualTo("headers_too_large");
            assertThat(r.problem().internalNote()).isEqualTo("headers of 106 characters, limit 100");
        });
    }

    @ParameterizedTest
    @CsvSource({"1000, true", "1001, false", "99999999999999999999999, false", "abc, true", "'', true"})
    void refusesADeclaredLengthOverTheLimitWithoutReadingTheBody(String length, boolean proceeds) {
        Decision d = decide(FakeRequest.request("POST", "/").header("Content-Length", length).build());
        assertThat(d.proceeds()).isEqualTo(proceeds);
        if (!proceeds) {
            var problem = ((Decision.Reject) d).problem();
            assertThat(problem.status()).isEqualTo(413);
            assertThat(problem.reason()).isEqualTo("body_too_large");
            assertThat(problem.headers()).containsEntry("Connection", "close");
            assertThat(problem.internalNote()).contains("not read");
        }
    }
}
