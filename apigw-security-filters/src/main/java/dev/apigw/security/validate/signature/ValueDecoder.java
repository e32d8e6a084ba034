package dev.apigw.security.validate.signature;

/**
 * Peels the encodings attackers stack on a value so that detectors see what a browser, shell or database would:
 * percent-encoding (with overlong UTF-8 and {@code %u}), HTML character references, JavaScript escapes, then
 * fullwidth and typographic look-alikes folded to ASCII and NUL removed.
 *
 * <p>A round that finds percent-escapes also reads {@code +} as a space, since such a value was form-encoded. At
 * most {@link #MAX_ROUNDS} rounds, stopping early once a round changes nothing. No step makes the text
 * longer, so the work is at most {@code MAX_ROUNDS} linear passes. The container has already decoded query and form
 * values once; these rounds catch double and mixed encodings.
 */
final class ValueDecoder {

    /** Rounds of decoding: enough for double and triple encoding, bounded so work stays linear. */
    static final int MAX_ROUNDS = 3;

    private ValueDecoder() {
    }

    static String decode(String value) {
        String current = value;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String percent = PercentDecoding.decode(current, false);
            if (percent != current) {
                percent = PercentDecoding.decode(current, true);
            }
            String next = fold(ScriptEscapes.decode(CharacterReferences.decode(percent)));
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /**
     * Fullwidth ASCII (U+FF01..U+FF5E), typographic quotes and the acute accent and modifier apostrophe that stand in
     * for them to ASCII; NUL dropped. Same length or shorter.
     */
    static String fold(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && !foldable(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                continue;
            }
            out.append(folded(c));
        }
        return out.toString();
    }

    private static boolean foldable(char c) {
        return c == 0 || (c >= '\u2018' && c <= '\u201F') || c == '\u2032' || c == '\u2033' || c == '\u00B4'
                || c == '\u02BC' || (c >= '\uFF01' && c <= '\uFF5E');
    }

    private static char folded(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u02BC' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
            default -> c;
        };
    }
}
