package dev.apigw.security.auth.jwt;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An authenticator on a JWKS file and a clock standing at {@link #NOW}, plus the assertions the tests share. */
final class JwtFixture {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private JwtFixture() {
    }

    /** The standard JWKS: an RSA key {@code rsa-1}, an EC P-256 key {@code ec-1}, an Ed25519 key {@code ed-1}. */
    static JwksDocument standardKeys() {
        return JwksDocument.with("rsa-1", TestKeys.RSA.getPublic())
                .add("ec-1", TestKeys.EC.getPublic())
                .add("ed-1", TestKeys.ED25519.getPublic());
    }

    static JwtSettings.Builder settings(Path dir, JwksDocument jwks) {
        try {
            Path file = dir.resolve("jwks.json");
            Files.writeString(file, jwks.json());
            return JwtSettings.builder().issuer(Tokens.ISSUER).audiences(Tokens.AUDIENCE).jwksUri(file.toUri())
                    .algorithms("RS256", "ES256", "EdDSA");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeExchange bearer(String token) {
        return FakeExchange.of(FakeRequest.get("/pets").header("Authorization", "Bearer " + token).build());
    }

    static Decision.Proceed assertAccepted(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Proceed.class);
        return (Decision.Proceed) decision;
    }

    static void assertRejected(Decision decision, TokenRejection why) {
        assertRefused(decision);
        assertThat(((Decision.Reject) decision).problem()).isEqualTo(why.decision().problem());
    }

    /** A 401 invalid_token, whatever the precise reason. */
    static void assertRefused(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Reject.class);
        Problem problem = ((Decision.Reject) decision).problem();
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.headers().get("WWW-Authenticate"))
                .startsWith("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"");
    }
}
