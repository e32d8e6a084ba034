package dev.apigw.security.auth.jwt;

import dev.apigw.security.Decision;
import dev.apigw.security.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRefused;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;

/**
 * Random and half-valid tokens (fixed seeds, so a failure repeats): whatever comes in, the answer is a 401 and never
 * an exception. Half-valid ones carry real JSON headers built from the parameters attackers play with.
 */
class JwtFuzzTest {

    private static final List<String> HEADER_PARTS = List.of("\"alg\":\"RS256\"", "\"alg\":\"none\"",
            "\"alg\":\"HS256\"", "\"alg\":\"ES256\"", "\"alg\":\"EdDSA\"", "\"alg\":null", "\"alg\":1",
            "\"kid\":\"rsa-1\"", "\"kid\":\"ec-1\"", "\"kid\":\"../x\"", "\"kid\":{}", "\"crit\":[\"b64\"]",
            "\"b64\":false", "\"zip\":\"DEF\"", "\"enc\":\"A128GCM\"", "\"jwk\":{\"kty\":\"RSA\"}",
            "\"jku\":\"http://127.0.0.1:1/\"", "\"x5c\":[\"AA\"]", "\"typ\":\"JWT\"", "\"cty\":\"JWT\"");
    private static final List<String> PAYLOADS = List.of("{}", "[]", "null", "1", "\"s\"", "{\"exp\":\"x\"}",
            "{\"exp\":1e400}", "{\"aud\":[1,{}]}", "{\"sub\":[]}", "{\"iss\":{}}", "{\"nbf\":-1}");

    @TempDir
    Path dir;

    private JwtAuthenticator authenticator;

    @BeforeEach
    void start() {
        authenticator = JwtAuthenticator.create(JwtFixture.settings(dir, JwtFixture.standardKeys()).build(),
                new MutableClock(NOW));
    }

    @AfterEach
    void close() {
        authenticator.close();
    }

    private void assertRefusedWithoutThrowing(String token) {
        Decision decision = authenticator.authenticate(bearer(token));
        assertRefused(decision);
    }

    @Test
    void refusesRandomCompactStrings() {
        Random random = new Random(20260301);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < 2000; i++) {
            StringBuilder token = new StringBuilder();
            int length = 1 + random.nextInt(300);
            for (int j = 0; j < length; j++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertRefusedWithoutThrowing(token.toString());
        }
    }

    @Test
    void refusesRandomBytesInEachPart() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            assertRefusedWithoutThrowing(randomPart(random) + "." + randomPart(random) + "." + randomPart(random));
        }
    }

    @Test
    void refusesHalfValidHeadersAndPayloads() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder header = new StringBuilder("{");
            int fields = 1 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                header.append(f == 0 ? "" : ",").append(HEADER_PARTS.get(random.nextInt(HEADER_PARTS.size())));
            }
            String payload = PAYLOADS.get(random.nextInt(PAYLOADS.size()));
            String token = Tokens.b64(header.append('}').toString()) + "." + Tokens.b64(payload) + "."
                    + randomPart(random);
            assertRefusedWithoutThrowing(token);
        }
    }

    private static String randomPart(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(96)];
        random.nextBytes(bytes);
        return random.nextInt(10) == 0 ? new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[^A-Za-z0-9_-]", "")
                + "A" : Tokens.b64(bytes);
    }
}
