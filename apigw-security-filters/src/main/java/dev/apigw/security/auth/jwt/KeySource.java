package dev.apigw.security.auth.jwt;

/**
 * Where {@link JwtAuthenticator} finds the key for a token: a JWKS ({@link JwksCache}) or one HMAC secret
 * ({@link SecretKeySource}). The token's {@code kid} is only ever a lookup key here, never a path or a URL.
 */
interface KeySource extends AutoCloseable {

    /** The key for this {@code kid}, or {@code null} when there is none. May wait, at most the fetch time-out. */
    VerificationKey find(String kid);

    /** Stops any background work; never throws. */
    @Override
    default void close() {
        // most sources have nothing running
    }
}
