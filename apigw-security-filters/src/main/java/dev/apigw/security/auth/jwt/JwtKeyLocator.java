package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.LocatorAdapter;

import java.security.Key;
import java.util.Set;

/**
 * Gives jjwt the verification key for a signed token, after checking that the token's {@code alg} is allowed and
 * fits that key.
 *
 * <p>Only {@code alg} and {@code kid} are read. Keys that a token names or carries itself ({@code jku}, {@code x5u},
 * {@code jwk}, {@code x5c}) are never fetched or used (RFC 8725 §3.10): a token could otherwise vouch for itself.
 * jjwt also checks the algorithm against its own registry, which holds the allowed ones only; this check comes first
 * so that the reason is precise and no key lookup happens for a refused algorithm.
 */
final class JwtKeyLocator extends LocatorAdapter<Key> {

    private final Set<String> allowed;
    private final KeySource keys;

    JwtKeyLocator(Set<String> allowed, KeySource keys) {
        this.allowed = Set.copyOf(allowed);
        this.keys = keys;
    }

    @Override
    protected Key locate(JwsHeader header) {
        String name = header.getAlgorithm();
        JwsAlgorithm alg = name != null && allowed.contains(name) ? JwsAlgorithm.byName(name).orElse(null) : null;
        if (alg == null) {
            throw new KeyLookupException(TokenRejection.UNSUPPORTED);
        }
        VerificationKey key = keys.find(header.getKeyId());
        if (key == null) {
            throw new KeyLookupException(TokenRejection.UNKNOWN_KEY);
        }
        if (!key.verifies(alg)) {
            throw new KeyLookupException(TokenRejection.UNSUPPORTED);
        }
        return key.key();
    }
}
