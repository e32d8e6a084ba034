package dev.apigw.security.auth.jwt;

import java.security.Key;
import java.util.Objects;

/**
 * One key that may verify tokens, with the algorithm its publisher pinned it to, if any.
 *
 * @param kid       the key id, or {@code null} for the single HMAC secret
 * @param key       a public key from a JWKS, or the HMAC secret
 * @param algorithm the JWK's {@code alg}, or {@code null} when it did not name one
 */
record VerificationKey(String kid, Key key, String algorithm) {

    VerificationKey {
        Objects.requireNonNull(key, "key");
    }

    /** Whether a token with this {@code alg} may be verified with this key (RFC 7517 §4.4, RFC 8725 §3.1). */
    boolean verifies(JwsAlgorithm alg) {
        return (algorithm == null || algorithm.equals(alg.name())) && alg.fits(key);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + kid + ", " + key.getAlgorithm() + "]";
    }
}
