package dev.apigw.security.auth.apikey;

import java.util.Random;

/**
 * The base62 alphabet ({@code 0-9A-Za-z}) of the key format: only letters and digits, so that a key survives a
 * double-click selection, a URL, a shell and a YAML file unquoted, and a scanner's regular expression stays simple.
 */
final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    /** {@code length} characters drawn uniformly; {@code nextInt(bound)} rejects the biased draws for us. */
    static String random(Random random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** A non-negative number in exactly {@code width} digits, zero-padded on the left. */
    static String fixedWidth(long value, int width) {
        char[] out = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        if (rest != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 digits");
        }
        return new String(out);
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
