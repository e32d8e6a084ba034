package dev.apigw.security.audit;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives each request its id: the caller's {@code X-Request-Id} when it is well formed, otherwise a new one.
 *
 * <p>Well formed means 1 to 128 characters of {@code A-Z a-z 0-9 - _ . :}, so a caller's id can be echoed in a header
 * and a log line without escaping. New ids are 128 random bits in hex; they correlate, they authorise nothing, so a
 * fast non-cryptographic source is enough and keeps SecureRandom's lock off the hot path.
 */
public final class RequestIdSource {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_LENGTH = 128;

    /** The caller's id if well formed, else a new one. */
    public String idFor(String callerId) {
        return wellFormed(callerId) ? callerId : newId();
    }

    /** Whether a caller-supplied id may be kept. */
    public static boolean wellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A new random id of 32 hex digits. */
    public String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        fill(out, 0, random.nextLong());
        fill(out, 16, random.nextLong());
        return new String(out);
    }

    private static void fill(char[] out, int offset, long bits) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
    }
}
