package dev.apigw.security.auth.jwt;

import dev.apigw.security.Decision;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertAccepted;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRefused;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRejected;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens built to get past the checks: each must end in a 401 and never in an exception. */
class JwtAttackTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private JwtAuthenticator authenticator;

    @BeforeEach
    void start() {
        authenticator = JwtAuthenticator.create(JwtFixture.settings(dir, JwtFixture.standardKeys()).build(), clock);
    }

    @AfterEach
    void close() {
        authenticator.close();
    }

    private Decision authenticate(String token) {
        return authenticator.authenticate(bearer(token));
    }

    private static String payload() {
        return Tokens.json(Tokens.claims(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void rejectsUnsignedTokenWithAlgNoneInAnyCasing(String alg) {
        String unsigned = Tokens.b64("{\"alg\":\"" + alg + "\"}") + "." + Tokens.b64(payload()) + ".";
        String withSignature = unsigned + Tokens.b64("sig");
        String withKid = Tokens.b64("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}") + "." + Tokens.b64(payload())
                + "." + Tokens.b64("sig");

        assertRejected(authenticate(unsigned), TokenRejection.MALFORMED);
        assertRejected(authenticate(withSignature), TokenRejection.UNSUPPORTED);
        assertRejected(authenticate(withKid), TokenRejection.UNSUPPORTED);
    }

    static Stream<Arguments> publicKeyAsHmacSecret() {
        byte[] pem = TestKeys.pem(TestKeys.RSA.getPublic()).getBytes(StandardCharsets.US_ASCII);
        byte[] der = TestKeys.RSA.getPublic().getEncoded();
        return Stream.of(Arguments.of("PEM", pem, "HS256", "HmacSHA256"), Arguments.of("DER", der, "HS256",
                "HmacSHA256"), Arguments.of("PEM", pem, "HS512", "HmacSHA512"));
    }

    @ParameterizedTest(name = "{0} bytes as the {2} secret")
    @MethodSource("publicKeyAsHmacSecret")
    void rejectsTokenSignedWithPublicKeyAsHmacSecret(String form, byte[] secret, String alg, String jca) {
        String token = Tokens.hmac(jca, Tokens.header(alg, "rsa-1"), Tokens.claims(NOW), secret);
        assertRejected(authenticate(token), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsTokenSignedWithPublicKeyAsHmacSecretEvenWithHmacInTheAllowList() {
        // The settings refuse HS* beside a JWKS; the key locator would refuse it too.
        JwtKeyLocator locator = new JwtKeyLocator(java.util.Set.of("HS256", "RS256"), kid ->
                new VerificationKey(kid, TestKeys.RSA.getPublic(), null));
        var header = Jwts.header().add("alg", "HS256").add("kid", "rsa-1").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> locator.locate(header))
                .isInstanceOf(KeyLookupException.class);
    }

    @Test
    void rejectsTokenSignedByAnotherKeyUnderKnownKid() {
        String token = Tokens.rs256(Tokens.header("RS256", "rsa-1"), Tokens.claims(NOW),
                TestKeys.RSA_OTHER.getPrivate());
        assertRejected(authenticate(token), TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void rejectsPsychicEcdsaSignature() {
        // CVE-2022-21449: r = s = 0 must never verify.
        String signingInput = Tokens.b64(Tokens.json(Tokens.header("ES256", "ec-1"))) + "." + Tokens.b64(payload());
        assertRejected(authenticate(signingInput + "." + Tokens.b64(new byte[64])), TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void rejectsTokenWithTamperedPayload() {
        String token = Tokens.rs256(Tokens.header("RS256", "rsa-1"), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("sub", "admin");
        String[] parts = token.split("\\.");
        assertRejected(authenticate(parts[0] + "." + Tokens.b64(Tokens.json(claims)) + "." + parts[2]),
                TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void rejectsAlgorithmOutsideTheAllowList() {
        String token = Tokens.jjwt(Tokens.header("PS256", "rsa-1"), Tokens.claims(NOW), TestKeys.RSA.getPrivate(),
                Jwts.SIG.PS256);
        assertRejected(authenticate(token), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsAllowedAlgorithmThatDoesNotFitTheKeyOfTheKid() {
        String esWithRsaKid = Tokens.jjwt(Tokens.header("ES256", "rsa-1"), Tokens.claims(NOW),
                TestKeys.EC.getPrivate(), Jwts.SIG.ES256);
        String rsWithEcKid = Tokens.rs256(Tokens.header("RS256", "ec-1"), Tokens.claims(NOW),
                TestKeys.RSA.getPrivate());
        assertRejected(authenticate(esWithRsaKid), TokenRejection.UNSUPPORTED);
        assertRejected(authenticate(rsWithEcKid), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsAlgorithmNameInOtherCasing() {
        String token = Tokens.rs256(Tokens.header("rs256", "rsa-1"), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        assertRejected(authenticate(token), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsTokenWithoutKid() {
        String token = Tokens.rs256(Tokens.header("RS256", null), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        assertRejected(authenticate(token), TokenRejection.UNKNOWN_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "../rsa-1", "rsa-1/../rsa-1", "/etc/passwd", "rsa-1 ", "RSA-1",
            "rsa-1\u0000", "file:///etc/passwd", "http://127.0.0.1/jwks.json"})
    void kidIsOnlyALookupKey(String kid) {
        String token = Tokens.rs256(Tokens.header("RS256", kid), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        assertRejected(authenticate(token), TokenRejection.UNKNOWN_KEY);
    }

    @Test
    void refusesKidThatIsNotAString() {
        for (Object kid : new Object[]{123, java.util.List.of("rsa-1"), Map.of("kid", "rsa-1"), true}) {
            Map<String, Object> header = Tokens.header("RS256", null);
            header.put("kid", kid);
            assertRefused(authenticate(Tokens.rs256(header, Tokens.claims(NOW), TestKeys.RSA.getPrivate())));
        }
    }

    @Test
    void rejectsCriticalHeaderItDoesNotUnderstand() {
        Map<String, Object> header = Tokens.header("RS256", "rsa-1");
        header.put("crit", java.util.List.of("exp"));
        header.put("exp", 1);
        assertRejected(authenticate(Tokens.rs256(header, Tokens.claims(NOW), TestKeys.RSA.getPrivate())),
                TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsUnencodedPayloadExtension() {
        Map<String, Object> header = Tokens.header("RS256", "rsa-1");
        header.put("b64", false);
        header.put("crit", java.util.List.of("b64"));
        assertRejected(authenticate(Tokens.rs256(header, Tokens.claims(NOW), TestKeys.RSA.getPrivate())),
                TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsCompressedPayload() {
        Map<String, Object> header = Tokens.header("RS256", "rsa-1");
        header.put("zip", "DEF");
        assertRejected(authenticate(Tokens.rs256(header, Tokens.claims(NOW), TestKeys.RSA.getPrivate())),
                TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsDuplicateClaimNames() {
        String payload = payload().replace("\"sub\":\"alice\"", "\"sub\":\"alice\",\"sub\":\"admin\"");
        assertThat(payload).contains("\"sub\":\"admin\"");
        String token = Tokens.rs256(Tokens.json(Tokens.header("RS256", "rsa-1")), payload, TestKeys.RSA.getPrivate());
        // jjwt reads a payload that is not a JSON object as opaque content, which parseSignedClaims refuses.
        assertRejected(authenticate(token), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsDuplicateHeaderNames() {
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"alg\":\"none\"}";
        assertRejected(authenticate(Tokens.rs256(header, payload(), TestKeys.RSA.getPrivate())),
                TokenRejection.MALFORMED);
    }

    @Test
    void rejectsSignedJsonArrayPayload() {
        String token = Tokens.rs256(Tokens.json(Tokens.header("RS256", "rsa-1")), "[\"sub\",\"alice\"]",
                TestKeys.RSA.getPrivate());
        assertRejected(authenticate(token), TokenRejection.UNSUPPORTED);
    }

    @Test
    void rejectsDeeplyNestedClaims() {
        String deep = "[".repeat(100) + "]".repeat(100);
        String payload = payload().replace("{", "{\"deep\":" + deep + ",");
        String token = Tokens.rs256(Tokens.json(Tokens.header("RS256", "rsa-1")), payload, TestKeys.RSA.getPrivate());
        assertRefused(authenticate(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "..", "a.b", "a..c", ".b.c", "a.b.c.d", "a.b.c.d.e", "!!!.x.y",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.%%%", "e30.e30.e30", "bm90IGpzb24.e30.c2ln", "YQ.YQ.YQ",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0=.c2ln", "e30=.e30.c2ln"})
    void rejectsMalformedToken(String token) {
        assertRefused(authenticate(token));
    }

    @Test
    void rejectsTokenWithBadBase64InSignature() {
        String token = Tokens.rs256(Tokens.header("RS256", "rsa-1"), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        assertRefused(authenticate(token.substring(0, token.lastIndexOf('.') + 1) + "A"));
        assertRefused(authenticate(token.substring(0, token.lastIndexOf('.') + 1) + "AAAAA"));
    }

    @Test
    void rejectsHugeHeaderWithinTheLengthLimit() {
        Map<String, Object> header = Tokens.header("RS256", "rsa-1");
        header.put("pad", "x".repeat(5000));
        String token = Tokens.rs256(header, Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        assertThat(token.length()).isBetween(6000, 8192);
        // Signed by the right key: padding alone is harmless, so it is accepted within the limit.
        assertAccepted(authenticate(token));
        header.put("pad", "x".repeat(7000));
        assertRejected(authenticate(Tokens.rs256(header, Tokens.claims(NOW), TestKeys.RSA.getPrivate())),
                TokenRejection.TOO_LONG);
    }

    @Test
    void rejectsOneMegabyteTokenWithoutParsingIt() {
        String huge = "eyJ" + "A".repeat(1024 * 1024) + ".e30.c2ln";
        assertRejected(authenticate(huge), TokenRejection.TOO_LONG);
    }

    @Test
    void rejectsTwoAuthorizationHeaders() {
        String token = Tokens.rs256(Tokens.header("RS256", "rsa-1"), Tokens.claims(NOW), TestKeys.RSA.getPrivate());
        FakeExchange exchange = FakeExchange.of(FakeRequest.get("/pets")
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token).build());

        assertThat(authenticator.credentialPresent(exchange)).isTrue();
        assertRejected(authenticator.authenticate(exchange), TokenRejection.MULTIPLE_HEADERS);
    }

    @Test
    void rejectsEncryptedToken() {
        String jwe = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aXY.Y2lwaGVy.dGFn";
        assertRejected(authenticate(jwe), TokenRejection.MALFORMED);
    }

    @Test
    void neverThrowsOnNullOrOddHeaderValues() {
        for (String value : new String[]{"Bearer", "Bearer ", "Bearer    ", "Bearer\ttoken", "Bearerx", ""}) {
            FakeExchange exchange = FakeExchange.of(FakeRequest.get("/").header("Authorization", value).build());
            assertThat(authenticator.authenticate(exchange).proceeds()).as(value).isFalse();
        }
    }
}
