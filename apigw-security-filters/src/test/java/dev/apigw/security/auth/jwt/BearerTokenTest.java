package dev.apigw.security.auth.jwt;

import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenTest {

    private static BearerToken read(String... headers) {
        FakeRequest.Builder request = FakeRequest.get("/");
        for (String header : headers) {
            request.header("Authorization", header);
        }
        return BearerToken.read(request.build(), 64);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Bearer a.b.c | PRESENT",
            "bearer a.b.c | PRESENT",
            "BEARER a.b.c | PRESENT",
            "Bearer    a.b.c   | PRESENT",
            "Basic YTpi | ABSENT",
            "Bearerx a.b.c | ABSENT",
            "Token a.b.c | ABSENT",
            "Bearer | MALFORMED",
            "Bearer a.b | MALFORMED",
            "Bearer a.b.c.d.e | MALFORMED",
            "Bearer a.b. | MALFORMED",
            "Bearer a.b.c= | MALFORMED",
            "Bearer a+b.c.d | MALFORMED",
            "Bearer a.b.c, Bearer d.e.f | MALFORMED",
            "Bearer a b.c.d | MALFORMED",
            "Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b.c | TOO_LONG"})
    void readsOneAuthorizationHeader(String header, BearerToken.Kind kind) {
        assertThat(read(header).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bearer a.b.c | Bearer a.b.c | MULTIPLE",
            "Basic YTpi | Bearer a.b.c | MULTIPLE",
            "Basic YTpi | Basic YTpi | ABSENT"})
    void refusesToChooseBetweenTwoHeaders(String first, String second, BearerToken.Kind kind) {
        assertThat(read(first, second).kind()).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void absentWithoutAuthorizationHeader() {
        assertThat(read().kind()).isEqualTo(BearerToken.Kind.ABSENT);
        assertThat(read("Bearer x.y.z").value()).isEqualTo("x.y.z");
    }

    @org.junit.jupiter.api.Test
    void readsTheTokenWithoutTheWhitespaceAroundIt() {
        assertThat(read("Bearer \t  a.b.c \t ").value()).isEqualTo("a.b.c");
        assertThat(read("Bearer  \t ").kind()).isEqualTo(BearerToken.Kind.MALFORMED);
        assertThat(read("Bearer a.b.c" + " ".repeat(3)).value()).isEqualTo("a.b.c");
    }
}
