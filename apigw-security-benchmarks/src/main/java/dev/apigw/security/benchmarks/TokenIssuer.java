package dev.apigw.security.benchmarks;

import dev.apigw.security.Secret;
import dev.apigw.security.auth.jwt.JwtSettings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

/**
 * An issuer for benchmarks: fresh keys for one algorithm (RS256 on RSA 2048, ES256 on P-256, HS256 on a 256-bit
 * secret), the matching {@link JwtSettings}, and tokens valid at the fixed {@link #CLOCK}.
 *
 * <p>Public keys are published as a JWK set in a temporary file and read through a {@code file:} URI, so the
 * authenticator takes the same JWKS path as in production without a network. Tokens are signed with plain JCA and
 * hand-written JSON, so the library under test does not also produce its own input. Close it to delete the file.
 */
public final class TokenIssuer implements AutoCloseable {

    /** The instant every benchmark runs at: tokens are issued at it and expire an hour later, so never in a run. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** A clock standing at {@link #NOW}. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final String ISSUER = "https://issuer.example.com";
    private static final String AUDIENCE = "pets-api";
    private static final String KID = "bench-1";

    private final String algorithm;
    private final KeyPair pair;
    private final byte[] secret;
    private final Path jwks;

    private TokenIssuer(String algorithm, KeyPair pair, byte[] secret, Path jwks) {
        this.algorithm = algorithm;
        this.pair = pair;
        this.secret = secret;
        this.jwks = jwks;
    }

    /** An issuer for {@code RS256}, {@code ES256} or {@code HS256}. */
    public static TokenIssuer of(String algorithm) {
        try {
            switch (algorithm) {
                case "RS256": {
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(2048);
                    KeyPair pair = rsa.generateKeyPair();
                    return new TokenIssuer(algorithm, pair, null, publish(rsaJwk((RSAPublicKey) pair.getPublic())));
                }
                case "ES256": {
                    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                    ec.initialize(new ECGenParameterSpec("secp256r1"));
                    KeyPair pair = ec.generateKeyPair();
                    return new TokenIssuer(algorithm, pair, null, publish(ecJwk((ECPublicKey) pair.getPublic())));
                }
                case "HS256": {
                    byte[] secret = new byte[32];
                    new SecureRandom().nextBytes(secret);
                    return new TokenIssuer(algorithm, null, secret, null);
                }
                default:
                    throw new IllegalArgumentException("no benchmark issuer for " + algorithm
                            + "; use RS256, ES256 or HS256");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings that accept this issuer's tokens; the caller may add to them before building. */
    public JwtSettings.Builder settings() {
        JwtSettings.Builder settings = JwtSettings.builder().issuer(ISSUER).audiences(AUDIENCE).algorithms(algorithm);
        return secret != null ? settings.secret(Secret.of(secret)) : settings.jwksUri(jwks.toUri());
    }

    /** A token for {@code subject}, told apart from others by its {@code jti}; the shape of a typical access token. */
    public String token(String subject, long jti) {
        String kid = secret == null ? ",\"kid\":\"" + KID + "\"" : "";
        String header = "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"" + kid + "}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"aud\":[\"" + AUDIENCE + "\"]"
                + ",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond()
                + ",\"jti\":\"" + jti + "\",\"client_id\":\"6f1ekq0mhq2lqjv5dlbtb0sk0b\""
                + ",\"scope\":\"pets:read pets:write orders:read\"}";
        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payload.getBytes(StandardCharsets.UTF_8));
        return input + "." + b64(sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Deletes the published JWK set. */
    @Override
    public void close() {
        if (jwks != null) {
            try {
                Files.deleteIfExists(jwks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private byte[] sign(byte[] input) {
        try {
            switch (algorithm) {
                case "HS256": {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                    return mac.doFinal(input);
                }
                case "RS256":
                    return signature("SHA256withRSA", input);
                default:
                    // JWS wants R || S (RFC 7518 §3.4), not the DER sequence JCA's plain ECDSA writes.
                    return signature("SHA256withECDSAinP1363Format", input);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] signature(String jcaName, byte[] input) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaName);
        signature.initSign(pair.getPrivate());
        signature.update(input);
        return signature.sign();
    }

    private static String rsaJwk(RSAPublicKey key) {
        return "{\"kty\":\"RSA\",\"kid\":\"" + KID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(key.getModulus(), 0)) + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent(), 0))
                + "\"}";
    }

    private static String ecJwk(ECPublicKey key) {
        return "{\"kty\":\"EC\",\"kid\":\"" + KID + "\",\"use\":\"sig\",\"alg\":\"ES256\",\"crv\":\"P-256\",\"x\":\""
                + b64(unsigned(key.getW().getAffineX(), 32)) + "\",\"y\":\""
                + b64(unsigned(key.getW().getAffineY(), 32)) + "\"}";
    }

    private static Path publish(String jwk) {
        try {
            Path file = Files.createTempFile("apigw-bench-jwks", ".json");
            Files.writeString(file, "{\"keys\":[" + jwk + "]}");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Big-endian bytes without the sign byte, left-padded to {@code length} where the JWK needs a fixed size. */
    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length >= length) {
            return bytes;
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
