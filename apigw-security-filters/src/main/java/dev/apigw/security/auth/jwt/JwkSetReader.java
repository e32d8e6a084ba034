package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.io.DeserializationException;
import io.jsonwebtoken.security.Jwks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JWK set document (RFC 7517 §5) into the signature-verification keys it holds, indexed by {@code kid}.
 *
 * <p>Only public signature keys are kept: an entry with {@code use} other than {@code sig}, {@code key_ops} without
 * {@code verify}, a symmetric or private key, an unsupported {@code kty} or curve, an RSA modulus under 2048 bits
 * (RFC 7518 §3.3) or no {@code kid} is skipped, never fatal. jjwt builds each key and checks, among other things, that
 * an EC point lies on its curve. At most {@code maxKeys} are kept; the first entry for a {@code kid} wins.
 */
final class JwkSetReader {

    private static final Logger LOG = LoggerFactory.getLogger(JwkSetReader.class);
    private static final Set<String> KEY_TYPES = Set.of("RSA", "EC", "OKP");
    private static final Set<String> SIGNATURE_CURVES = Set.of("P-256", "P-384", "P-521", "Ed25519", "Ed448");
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private final JwtJson json;
    private final int maxKeys;

    JwkSetReader(JwtJson json, int maxKeys) {
        this.json = json;
        this.maxKeys = maxKeys;
    }

    /** The usable keys; fails when the document is not a JWK set or holds no usable key at all. */
    Map<String, VerificationKey> read(byte[] document) {
        Map<String, ?> root;
        try {
            root = json.read(document);
        } catch (DeserializationException e) {
            throw new JwksFetchException("not a JSON object");
        }
        if (root == null || !(root.get("keys") instanceof List<?> entries)) {
            throw new JwksFetchException("no \"keys\" array");
        }
        Map<String, VerificationKey> keys = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (keys.size() == maxKeys) {
                LOG.debug("JWKS holds more than {} keys; the rest are ignored", maxKeys);
                break;
            }
            if (entry instanceof Map<?, ?> jwk) {
                VerificationKey key = toKey(jwk);
                if (key != null) {
                    keys.putIfAbsent(key.kid(), key);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new JwksFetchException("no usable signature key");
        }
        return Map.copyOf(keys);
    }

    private VerificationKey toKey(Map<?, ?> jwk) {
        if (!(jwk.get("kid") instanceof String kid) || kid.isEmpty() || !wanted(jwk)) {
            return null;
        }
        if (PRIVATE_MEMBERS.stream().anyMatch(jwk::containsKey)) {
            LOG.warn("JWKS entry {} carries private or symmetric key material; it is ignored", printable(kid));
            return null;
        }
        Object alg = jwk.get("alg");
        if (alg != null && !(alg instanceof String name && JwsAlgorithm.byName(name).isPresent())) {
            return null;
        }
        Key key = build(jwk);
        return strongPublicKey(key) ? new VerificationKey(kid, key, (String) alg) : null;
    }

    private static boolean wanted(Map<?, ?> jwk) {
        Object use = jwk.get("use");
        Object ops = jwk.get("key_ops");
        Object crv = jwk.get("crv");
        return KEY_TYPES.contains(jwk.get("kty"))
                && (use == null || "sig".equals(use))
                && (ops == null || ops instanceof List<?> list && list.contains("verify"))
                && (crv == null || SIGNATURE_CURVES.contains(crv));
    }

    private static Key build(Map<?, ?> jwk) {
        Map<String, Object> params = new LinkedHashMap<>();
        jwk.forEach((k, v) -> params.put(String.valueOf(k), v));
        try {
            return Jwks.builder().add(params).build().toKey();
        } catch (RuntimeException e) {
            LOG.debug("JWKS entry {} is not a valid key ({})", printable(params.get("kid")),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static boolean strongPublicKey(Key key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= 2048;
        }
        return key instanceof ECPublicKey || key instanceof EdECPublicKey;
    }

    // A kid goes into a log line: no line breaks or other control characters from a remote document.
    private static String printable(Object kid) {
        String text = String.valueOf(kid);
        return (text.length() > 64 ? text.substring(0, 64) : text).replaceAll("\\p{Cntrl}", "?");
    }
}
