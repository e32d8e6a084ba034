package dev.apigw.security.validate.signature;

/**
 * Decodes the escapes of JavaScript string literals and identifiers that hide markup or names: {@code \xHH},
 * {@code \}{@code uHHHH} and {@code \}{@code u{H...}}. Anything else after a backslash, such as a Windows path's
 * {@code \U}, stays as it is. The output is never longer than the input.
 */
final class ScriptEscapes {

    private ScriptEscapes() {
    }

    static String decode(String s) {
        int first = s.indexOf('\\');
        if (first < 0) {
            return s;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = first; i >= 0 && i < s.length(); i = s.indexOf('\\', i)) {
            int[] decoded = escape(s, i);
            if (decoded == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, i).appendCodePoint(decoded[0]);
            i += decoded[1];
            copied = i;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** The code point and the length of the escape at {@code s[i]}, or null. */
    private static int[] escape(String s, int i) {
        if (i + 1 >= s.length()) {
            return null;
        }
        char kind = s.charAt(i + 1);
        if (kind == 'x') {
            int v = hexValue(s, i + 2, 2);
            return v < 0 ? null : new int[] {v, 4};
        }
        if (kind != 'u') {
            return null;
        }
        if (i + 2 < s.length() && s.charAt(i + 2) == '{') {
            int close = s.indexOf('}', i + 3);
            int digits = close - (i + 3);
            if (close < 0 || digits < 1 || digits > 6) {
                return null;
            }
            int v = hexValue(s, i + 3, digits);
            return v < 0 || v > Character.MAX_CODE_POINT ? null : new int[] {v, digits + 4};
        }
        int v = hexValue(s, i + 2, 4);
        return v < 0 ? null : new int[] {v, 6};
    }

    private static int hexValue(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            int d = PercentDecoding.hex(s.charAt(k));
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
