package dev.apigw.security.examples;

import dev.apigw.security.json.JsonLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * The demo's own token issuer: an RSA key pair made at start-up, its public half published as a JWKS file that the
 * dev configuration reads, and tokens signed with the private half, so the README tour needs no identity provider.
 *
 * <p>The private key lives only in memory and dies with the process; nothing here is fit for production, which is the
 * point of keeping it in the examples module.
 */
final class DemoIssuer {

    static final String ISSUER = "https://demo.apigw.dev";
    static final String AUDIENCE = "pets-api";
    static final String JWKS_PROPERTY = "apigw.demo.jwksUri";
    private static final String KID = "demo-key-1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final Path jwksFile;
    private final Clock clock;

    private DemoIssuer(KeyPair keys, Path jwksFile, Clock clock) {
        this.keys = keys;
        this.jwksFile = jwksFile;
        this.clock = clock;
    }

    /** Makes a key pair, writes its JWKS to a temporary file and points {@value #JWKS_PROPERTY} at it. */
    static DemoIssuer start(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path file = Files.createTempFile("apigw-demo-jwks", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, jwks((RSAPublicKey) keys.getPublic()), StandardCharsets.UTF_8);
            System.setProperty(JWKS_PROPERTY, file.toUri().toString());
            return new DemoIssuer(keys, file, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make an RSA key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo JWKS", e);
        }
    }

    /** Where the JWKS was written. */
    Path jwksFile() {
        return jwksFile;
    }

    /** A signed RS256 token for {@code subject} with the given space-separated scopes, valid for {@code ttl}. */
    String token(String subject, String scopes, Duration ttl) {
        long now = clock.instant().getEpochSecond();
        String header = new JsonLine(64).field("alg", "RS256").field("typ", "JWT").field("kid", KID).end();
        String payload = new JsonLine(256).field("iss", ISSUER).field("aud", AUDIENCE).field("sub", subject)
                .field("scope", scopes).field("iat", now).field("exp", now + ttl.toSeconds()).end();
        String signingInput = b64(header) + "." + b64(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the demo token failed", e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        String jwk = new JsonLine(512).field("kty", "RSA").field("kid", KID).field("use", "sig").field("alg", "RS256")
                .field("n", unsigned(key.getModulus())).field("e", unsigned(key.getPublicExponent())).end();
        return "{\"keys\":[" + jwk + "]}";
    }

    /** RFC 7518 §6.3.1: the big-endian magnitude without the sign byte BigInteger may add. */
    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
