package dev.apigw.security.validate.signature;

import java.util.HexFormat;

/**
 * Lenient percent-decoding as attackers rely on servers doing it: {@code %HH} runs read as UTF-8 that also accepts
 * overlong forms ({@code %c0%ae} is {@code .}, as old IIS and Tomcat read it), IIS {@code %uHHHH}, and bytes that are
 * not UTF-8 read as Latin-1 (so {@code %bc} is {@code ¼}). A malformed escape stays literal.
 *
 * <p>The output is never longer than the input, and the same string is returned when there is nothing to decode.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /**
     * Decodes one round.
     *
     * @param plusIsSpace whether {@code +} means a space ({@code application/x-www-form-urlencoded})
     */
    static String decode(String s, boolean plusIsSpace) {
        int first = s.indexOf('%');
        int plus = plusIsSpace ? s.indexOf('+') : -1;
        if (plus >= 0 && (first < 0 || plus < first)) {
            first = plus;
        }
        if (first < 0) {
            return s;
        }
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, first);
        byte[] run = new byte[n / 3 + 1];
        int i = first;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%' && isByteEscape(s, i)) {
                int len = 0;
                while (i < n && s.charAt(i) == '%' && isByteEscape(s, i)) {
                    run[len++] = (byte) (hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                    i += 3;
                }
                Utf8Lenient.decode(run, len, out);
            } else if (c == '%' && isUnicodeEscape(s, i)) {
                out.append((char) (hex(s.charAt(i + 2)) << 12 | hex(s.charAt(i + 3)) << 8
                        | hex(s.charAt(i + 4)) << 4 | hex(s.charAt(i + 5))));
                i += 6;
            } else {
                out.append(plusIsSpace && c == '+' ? ' ' : c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isByteEscape(String s, int i) {
        return i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
    }

    private static boolean isUnicodeEscape(String s, int i) {
        if (i + 5 >= s.length() || (s.charAt(i + 1) != 'u' && s.charAt(i + 1) != 'U')) {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (hex(s.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of an ASCII hex digit, or -1; {@link HexFormat} takes no fullwidth digits, unlike Character.digit. */
    static int hex(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
