package dev.apigw.security.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 hash under which a key is stored, and its text form {@code sha256:<64 hex digits>} (CONTRACT §3).
 *
 * <p>A plain, unsalted hash is enough here, unlike for passwords: keys are at least 160 random bits, so there is no
 * dictionary to try, and an unsalted hash is what makes a lookup by hash possible.
 */
final class KeyHash {

    static final String PREFIX = "sha256:";
    static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private KeyHash() {
    }

    /** The SHA-256 of the key's characters; keys are ASCII, so UTF-8 and ASCII agree. */
    static byte[] of(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The map key of a hash: lower-case hex. */
    static String hex(byte[] sha256) {
        return HEX.formatHex(sha256);
    }

    /** {@code sha256:<hex>}. */
    static String text(byte[] sha256) {
        return PREFIX + hex(sha256);
    }

    /** The hash written as {@code sha256:<64 hex digits>} (either case), or {@code null} when it is not that. */
    static byte[] parse(String text) {
        if (text == null || text.length() != PREFIX.length() + 2 * LENGTH || !text.startsWith(PREFIX)) {
            return null;
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return null;
            }
        }
        return HEX.parseHex(text, PREFIX.length(), text.length());
    }
}
