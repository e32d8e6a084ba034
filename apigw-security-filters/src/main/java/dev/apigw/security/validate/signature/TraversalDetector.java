package dev.apigw.security.validate.signature;

import java.util.Locale;

/**
 * Path traversal and local file inclusion: dot-dot segments that lead somewhere ({@code ../../etc},
 * {@code ..\..\}, {@code ..;/}, {@code .../}) and well-known sensitive files ({@link SensitivePaths}).
 *
 * <p>Works on a view of the decoded text with {@code \} read as {@code /}, the {@code 0x2e}/{@code 0x2f}/{@code 0x5c}
 * spellings of {@code .}, {@code /} and {@code \} expanded, and NUL removed. A lone {@code ../} followed by a space
 * (prose explaining paths) passes; so does {@code etc.} or an ellipsis inside a word.
 */
final class TraversalDetector implements Detector {

    @Override
    public Category category() {
        return Category.TRAVERSAL;
    }

    @Override
    public boolean matches(String text, Slot slot) {
        String s = view(text);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char prev = i == 0 ? '/' : s.charAt(i - 1);
            boolean start = i == 0 || prev == '/' || Character.isWhitespace(prev) || "=\"'`:(,;<>|&".indexOf(prev) >= 0;
            if (!start) {
                continue;
            }
            if (s.charAt(i) == '.' && dotDotAt(s, i, i > 0 && prev == '/')) {
                return true;
            }
            if (SensitivePaths.at(s, i, i > 0 && prev == '/')) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code ..} or {@code ...} as a whole segment followed by a separator: after a separator itself
     * ({@code /../}), or followed by more path ({@code ../etc}).
     */
    private static boolean dotDotAt(String s, int i, boolean afterSlash) {
        int dots = 0;
        while (i + dots < s.length() && s.charAt(i + dots) == '.' && dots < 4) {
            dots++;
        }
        int sep = i + dots;
        if (dots < 2 || dots > 3 || sep >= s.length()) {
            return false;
        }
        char c = s.charAt(sep);
        if (c != '/' && c != ';') {
            return false;
        }
        return afterSlash || (sep + 1 < s.length() && !Character.isWhitespace(s.charAt(sep + 1)));
    }

    /** Lower case, {@code \} as {@code /}, {@code 0x2e} as {@code .}, {@code 0x2f} and {@code 0x5c} as {@code /}. */
    static String view(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.indexOf('\\') < 0 && s.indexOf("0x") < 0 && s.indexOf('\0') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '0' && hexSeparator(s, i)) {
                out.append(s.charAt(i + 3) == 'e' ? '.' : '/');
                i += 3;
            } else if (c == '\\') {
                out.append('/');
            } else if (c != '\0') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hexSeparator(String s, int i) {
        return s.startsWith("0x2e", i) || s.startsWith("0x2f", i) || s.startsWith("0x5c", i);
    }
}
