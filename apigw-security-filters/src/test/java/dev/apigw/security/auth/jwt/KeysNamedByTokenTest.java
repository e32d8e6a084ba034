package dev.apigw.security.auth.jwt;

import dev.apigw.security.testing.MutableClock;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertAccepted;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRejected;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8725 §3.10: keys a token names ({@code jku}, {@code x5u}) or carries ({@code jwk}) are never fetched or used.
 * The attacker's server counts requests to prove nothing was fetched.
 */
class KeysNamedByTokenTest {

    @TempDir
    Path dir;

    private FakeJwksServer attacker;
    private JwtAuthenticator authenticator;
    private final KeyPair attackerKey = TestKeys.RSA_OTHER;

    @BeforeEach
    void start() throws Exception {
        attacker = new FakeJwksServer().serve(JwksDocument.with("rsa-1", attackerKey.getPublic()).json());
        authenticator = JwtAuthenticator.create(JwtFixture.settings(dir, JwtFixture.standardKeys()).build(),
                new MutableClock(NOW));
    }

    @AfterEach
    void stop() {
        authenticator.close();
        attacker.close();
    }

    private Map<String, Object> header(String kid) {
        return Tokens.header("RS256", kid);
    }

    @Test
    void neverFetchesJku() {
        Map<String, Object> header = header("rsa-1");
        header.put("jku", attacker.uri().toString());
        assertRejected(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                attackerKey.getPrivate()))), TokenRejection.BAD_SIGNATURE);

        header.put("kid", "attacker-kid");
        assertRejected(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                attackerKey.getPrivate()))), TokenRejection.UNKNOWN_KEY);
        assertThat(attacker.hits()).isZero();
    }

    @Test
    void neverFetchesX5u() {
        Map<String, Object> header = header("rsa-1");
        header.put("x5u", attacker.uri().toString());
        assertRejected(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                attackerKey.getPrivate()))), TokenRejection.BAD_SIGNATURE);
        assertThat(attacker.hits()).isZero();
    }

    @Test
    void neverUsesEmbeddedJwk() {
        Map<String, Object> jwk = new java.util.LinkedHashMap<>(Jwks.builder().key(
                (java.security.interfaces.RSAPublicKey) attackerKey.getPublic()).id("rsa-1").build());
        jwk.put("x5u", attacker.uri().toString());
        Map<String, Object> header = header("rsa-1");
        header.put("jwk", jwk);
        assertRejected(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                attackerKey.getPrivate()))), TokenRejection.BAD_SIGNATURE);

        header.remove("kid");
        assertRejected(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                attackerKey.getPrivate()))), TokenRejection.UNKNOWN_KEY);
        assertThat(attacker.hits()).isZero();
    }

    @Test
    void ignoresKeyUrlsOnAGenuineToken() {
        Map<String, Object> header = header("rsa-1");
        header.put("jku", attacker.uri().toString());
        header.put("x5u", attacker.uri().toString());
        assertAccepted(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                TestKeys.RSA.getPrivate()))));
        assertThat(attacker.hits()).isZero();
    }

    @Test
    void rejectsX5cChainInsteadOfUsingIt() {
        Map<String, Object> header = header("attacker");
        header.put("x5c", List.of("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"));
        assertThat(authenticator.authenticate(bearer(Tokens.rs256(header, Tokens.claims(NOW),
                attackerKey.getPrivate()))).proceeds()).isFalse();
    }
}
