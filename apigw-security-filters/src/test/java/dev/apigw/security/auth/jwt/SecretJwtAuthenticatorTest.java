package dev.apigw.security.auth.jwt;

import dev.apigw.security.Secret;
import dev.apigw.security.testing.MutableClock;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertAccepted;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRejected;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;

/** An authenticator configured with one HMAC secret. */
class SecretJwtAuthenticatorTest {

    private static final byte[] SECRET = random(64);

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static JwtAuthenticator authenticator(String... algorithms) {
        return JwtAuthenticator.create(JwtSettings.builder().issuer(Tokens.ISSUER).audiences(Tokens.AUDIENCE)
                .secret(Secret.of(SECRET)).algorithms(algorithms).build(), new MutableClock(NOW));
    }

    @Test
    void acceptsHs256TokenSignedWithTheSecret() {
        String token = Tokens.hmac("HmacSHA256", Tokens.header("HS256", null), Tokens.claims(NOW), SECRET);
        assertAccepted(authenticator("HS256").authenticate(bearer(token)));
    }

    @Test
    void acceptsHs512WhenAllowedAndTheSecretIsLongEnough() {
        String token = Tokens.hmac("HmacSHA512", Tokens.header("HS512", "any-kid"), Tokens.claims(NOW), SECRET);
        assertAccepted(authenticator("HS256", "HS512").authenticate(bearer(token)));
    }

    @Test
    void rejectsHmacAlgorithmOutsideTheAllowList() {
        String token = Tokens.hmac("HmacSHA512", Tokens.header("HS512", null), Tokens.claims(NOW), SECRET);
        assertRejected(authenticator("HS256").authenticate(bearer(token)), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsTokenSignedWithAnotherSecret() {
        String token = Tokens.hmac("HmacSHA256", Tokens.header("HS256", null), Tokens.claims(NOW), random(64));
        assertRejected(authenticator("HS256").authenticate(bearer(token)), TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void rejectsPublicKeyTokenWhenOnlyASecretIsConfigured() {
        String token = Tokens.rs256(Tokens.header("RS256", "rsa-1"), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        String es = Tokens.jjwt(Tokens.header("ES256", null), Tokens.claims(NOW), TestKeys.EC.getPrivate(),
                Jwts.SIG.ES256);
        assertRejected(authenticator("HS256").authenticate(bearer(token)), TokenRejection.UNSUPPORTED);
        assertRejected(authenticator("HS256").authenticate(bearer(es)), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsExpiredHmacToken() {
        java.util.Map<String, Object> claims = Tokens.claims(NOW.minusSeconds(3600));
        String token = Tokens.hmac("HmacSHA256", Tokens.header("HS256", null), claims, SECRET);
        assertRejected(authenticator("HS256").authenticate(bearer(token)), TokenRejection.EXPIRED);
    }
}
