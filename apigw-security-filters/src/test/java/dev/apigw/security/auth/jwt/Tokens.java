package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds tokens for tests: well-formed through jjwt, or by hand for the malformed and hostile ones. */
final class Tokens {

    static final String ISSUER = "https://issuer.example.com";
    static final String AUDIENCE = "pets-api";
    private static final JwtJson JSON = new JwtJson();

    private Tokens() {
    }

    /** Claims that pass every check at {@code now}. */
    static Map<String, Object> claims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", List.of(AUDIENCE));
        claims.put("sub", "alice");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        claims.put("scope", "pets:read pets:write");
        return claims;
    }

    static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        if (kid != null) {
            header.put("kid", kid);
        }
        return header;
    }

    /** Signed by jjwt with any algorithm; the header's {@code alg} is jjwt's. */
    static String jjwt(Map<String, Object> header, Map<String, Object> claims, PrivateKey key,
                       SecureDigestAlgorithm<PrivateKey, ?> alg) {
        Map<String, Object> extra = new LinkedHashMap<>(header);
        extra.remove("alg");
        return Jwts.builder().json(JSON).header().add(extra).and().claims(claims).signWith(key, alg).compact();
    }

    /** RS256 signed by hand, so the header and payload are exactly what the test wrote. */
    static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        return rs256(json(header), json(claims), key);
    }

    static String rs256(String headerJson, String payloadJson, PrivateKey key) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-signed by hand with any bytes as the secret, e.g. a public key's PEM or DER form. */
    static String hmac(String jcaName, Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
        String input = b64(json(header)) + "." + b64(json(claims));
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(secret, jcaName));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Map<String, ?> value) {
        return new String(JSON.write(value), StandardCharsets.UTF_8);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
