package dev.apigw.security.auth.jwt;

import dev.apigw.security.Secret;

import javax.crypto.spec.SecretKeySpec;

/**
 * The single HMAC secret of a {@code secret:} configuration. The {@code kid} is ignored: there is only one key, and
 * {@link JwsAlgorithm#fits} keeps it to the HS algorithms.
 */
final class SecretKeySource implements KeySource {

    private final VerificationKey key;

    SecretKeySource(Secret secret) {
        // The JCA name only has to be an HmacSHA* name for jjwt; the length is checked per algorithm.
        this.key = new VerificationKey(null, new SecretKeySpec(secret.reveal(), "HmacSHA256"), null);
    }

    @Override
    public VerificationKey find(String kid) {
        return key;
    }

    @Override
    public Object currentKeySet() {
        return key; // the secret never changes while the authenticator lives
    }
}
