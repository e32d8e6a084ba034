package dev.apigw.security.auth.jwt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The digest of a token; the token is base64url text (checked by {@link BearerToken}), so ASCII. */
    static TokenDigest of(String token) {
        // This runs on every request that carries a token, cached or not: one digest and one buffer per thread keep
        // it free of allocation beyond the result.
        Scratch scratch = SCRATCH.get();
        byte[] bytes = scratch.bytes;
        MessageDigest sha256 = scratch.sha256;
        sha256.reset(); // whatever an interrupted call left behind never reaches this token's digest
        for (int from = 0; from < token.length(); from += bytes.length) {
            int to = Math.min(token.length(), from + bytes.length);
            ascii(token, from, to, bytes);
            sha256.update(bytes, 0, to - from);
        }
        try {
            sha256.digest(bytes, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 did not fit 32 bytes", e);
        }
        return new TokenDigest((long) LONGS.get(bytes, 0), (long) LONGS.get(bytes, 8), (long) LONGS.get(bytes, 16),
                (long) LONGS.get(bytes, 24));
    }

    @SuppressWarnings("deprecation")
    private static void ascii(String token, int from, int to, byte[] into) {
        // Deprecated because it drops each char's high byte; an ASCII token has none, so the copy is exact.
        token.getBytes(from, to, into, 0);
    }

    @Override
    public String toString() {
        return "TokenDigest[" + Long.toHexString(a) + "...]";
    }

    private static final class Scratch {
        private final MessageDigest sha256;
        private final byte[] bytes = new byte[1024];

        Scratch() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java SE platform has SHA-256", e);
            }
        }
    }
}
