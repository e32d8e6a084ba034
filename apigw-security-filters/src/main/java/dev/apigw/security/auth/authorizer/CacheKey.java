package dev.apigw.security.auth.authorizer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The cache key of an authorizer answer: the SHA-256 of the route, the method and every identity-source value, each
 * prefixed with its length, so that no choice of values (a separator inside one, say) can produce another request's
 * key. Hashing keeps every entry small whatever the values' length, and keeps credentials out of the heap's long-lived
 * objects.
 */
record CacheKey(long a, long b, long c, long d) {

    static CacheKey of(String route, String method, List<String> values) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        update(sha256, route == null ? "" : route);
        update(sha256, method);
        for (String value : values) {
            update(sha256, value);
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new CacheKey(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    private static void update(MessageDigest sha256, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha256.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha256.update(bytes);
    }
}
