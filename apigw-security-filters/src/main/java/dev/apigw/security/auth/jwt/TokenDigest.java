package dev.apigw.security.auth.jwt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a compact token, as four longs: the key under which {@link VerifiedTokenCache} remembers it.
 *
 * <p>A digest rather than the token itself, so that the cache holds no bearer credential a heap dump could replay,
 * costs 32 bytes per entry whatever the token length, and answers a lookup only for the very same token (finding
 * another token with the same digest is a SHA-256 collision).
 */
record TokenDigest(long a, long b, long c, long d) {

    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e); // every Java SE platform has SHA-256
        }
    }

    /** The digest of a token; the token is base64url text (checked by {@link BearerToken}), so ASCII. */
    static TokenDigest of(String token) {
        ByteBuffer hash = ByteBuffer.wrap(sha256().digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new TokenDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }

    private static MessageDigest sha256() {
        try {
            // A clone of an unused instance is cheaper than a provider lookup and safe to share across threads.
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 implementation cannot be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "TokenDigest[" + Long.toHexString(a) + "...]";
    }
}
