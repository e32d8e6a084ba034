package dev.apigw.security.auth.jwt;

/**
 * Where {@link JwtAuthenticator} finds the key for a token: a JWKS ({@link JwksCache}) or one HMAC secret
 * ({@link SecretKeySource}). The token's {@code kid} is only ever a lookup key here, never a path or a URL.
 */
interface KeySource extends AutoCloseable {

    /** The key for this {@code kid}, or {@code null} when there is none. May wait, at most the fetch time-out. */
    VerificationKey find(String kid);

    /**
     * The key set as it is now, as a value compared only by identity: a new one whenever a key is added, removed or
     * replaced, the same one otherwise. What was concluded from the keys (a cached verification) holds only while it
     * stays the same. Never waits and never fetches.
     *
     * <p>By default a new value on every call: a source that cannot tell when its keys change gets no caching.
     */
    default Object currentKeySet() {
        return new Object();
    }

    /** Stops any background work; never throws. */
    @Override
    default void close() {
        // most sources have nothing running
    }
}
