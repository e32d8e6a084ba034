package dev.apigw.security.route;

import dev.apigw.security.route.InvalidPath.Cause;

/**
 * The character classes of a request path: which raw characters may stand as they are, and which decoded ones a
 * normalised path must never hold.
 *
 * <p>RFC 3986 §3.3: {@code segment = *pchar}, {@code pchar = unreserved / pct-encoded / sub-delims / ":" / "@"}.
 */
final class PathCharacters {

    /** Raw characters that need no work: pchar without {@code %} (an escape) and {@code ;} (a path parameter). */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        String plain = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,=:@";
        for (int i = 0; i < plain.length(); i++) {
            PLAIN[plain.charAt(i)] = true;
        }
    }

    private PathCharacters() {
    }

    /** Whether a raw character can be copied to the normalised path as it is. */
    static boolean isPlain(char c) {
        return c < 128 && PLAIN[c];
    }

    /** C0 controls, DEL and the C1 controls U+0080 to U+009F (Unicode general category Cc). */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Why a raw character other than {@code /}, {@code %} and {@code ;} is refused, or null when it is plain. */
    static Cause rawViolation(char c) {
        if (isPlain(c)) {
            return null;
        }
        if (isControl(c)) {
            return Cause.CONTROL_CHARACTER;
        }
        return c == '\\' ? Cause.BACKSLASH : Cause.UNENCODED_CHARACTER;
    }

    /** Why a percent-decoded ASCII character is refused, or null when it may stand in a segment. */
    static Cause decodedViolation(int c) {
        if (c == '/') {
            return Cause.ENCODED_SLASH;
        }
        if (c == '\\') {
            return Cause.BACKSLASH;
        }
        if (c == '%') {
            return Cause.ENCODED_PERCENT;
        }
        return isControl(c) ? Cause.CONTROL_CHARACTER : null;
    }

    /** The value of a hexadecimal digit, or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
