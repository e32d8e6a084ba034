package dev.apigw.security.validate.signature;

/**
 * Reads bytes as UTF-8 the way lax decoders do: overlong forms give the character they spell ({@code C0 AE} is
 * {@code .}), and a byte that starts no valid sequence is taken as Latin-1. Never throws, never produces more
 * characters than there are bytes.
 */
final class Utf8Lenient {

    private Utf8Lenient() {
    }

    static void decode(byte[] bytes, int length, StringBuilder out) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            int extra = b >= 0xF0 && b <= 0xF7 ? 3 : b >= 0xE0 ? (b <= 0xEF ? 2 : -1) : b >= 0xC0 ? 1 : 0;
            if (b < 0x80 || extra <= 0 || !continues(bytes, i, extra, length)) {
                out.append((char) b);
                i++;
                continue;
            }
            int cp = b & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                cp = cp << 6 | (bytes[i + k] & 0x3F);
            }
            if (cp > Character.MAX_CODE_POINT) {
                out.append('\uFFFD');
            } else {
                out.appendCodePoint(cp);
            }
            i += extra + 1;
        }
    }

    private static boolean continues(byte[] bytes, int lead, int extra, int length) {
        if (lead + extra >= length) {
            return false;
        }
        for (int k = 1; k <= extra; k++) {
            if ((bytes[lead + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
