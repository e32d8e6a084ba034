package dev.apigw.security.ip;

import java.util.List;

/**
 * Reads the elements of a comma-separated header field from right to left, across its field lines, which together
 * are one list in order (RFC 9110 §5.2, §5.6.1).
 *
 * <p>Right to left because the right end is what the trusted proxies wrote: the walk stops at the first hop that is
 * not a trusted proxy, so whatever a client wrote further left is never parsed and cannot upset the reading. That
 * also bounds the work: at most {@link #MAX_ELEMENTS} elements (empty ones included) of at most
 * {@link #MAX_ELEMENT_CHARS} characters are read; an element beyond either bound reads as malformed. In quoted mode a
 * comma inside a quoted-string (RFC 9110 §5.6.4) does not end an element, as {@code Forwarded} needs.
 */
final class ReverseElements {

    /** More list elements than any real chain of proxies writes; beyond it the client is unknown. */
    static final int MAX_ELEMENTS = 32;
    /** Longer than any element a proxy writes ({@code for}, {@code by}, {@code proto} and a 253-byte host). */
    static final int MAX_ELEMENT_CHARS = 512;

    private final List<String> lines;
    private final boolean quoted;
    private int line;
    private int end;
    private int read;
    private String element;

    ReverseElements(List<String> lines, boolean quoted) {
        this.lines = lines;
        this.quoted = quoted;
        this.line = lines.size() - 1;
        this.end = line < 0 ? -1 : length(line);
    }

    /** Moves to the element left of the current one; {@code false} when there is none. */
    boolean previous() {
        while (end < 0) {
            if (--line < 0) {
                return false;
            }
            end = length(line);
        }
        if (++read > MAX_ELEMENTS) {
            return malformedAndDone();
        }
        String text = text(line);
        int limit = end - MAX_ELEMENT_CHARS;
        boolean inQuotes = false;
        int i = end - 1;
        for (; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ',' && !inQuotes) {
                break;
            }
            if (i < limit) {
                return malformedAndDone();
            }
            if (quoted && c == '"' && !escaped(text, i)) {
                inQuotes = !inQuotes;
            }
        }
        if (inQuotes) {
            return malformedAndDone();
        }
        element = withoutOws(text, i + 1, end);
        end = i;
        return true;
    }

    /** The current element without surrounding whitespace, or {@code null} when it is malformed. */
    String element() {
        return element;
    }

    private boolean malformedAndDone() {
        element = null;
        line = -1;
        end = -1;
        return true;
    }

    private int length(int index) {
        return text(index).length();
    }

    private String text(int index) {
        String text = lines.get(index);
        return text == null ? "" : text;
    }

    /** A quote preceded by an odd number of backslashes is a quoted-pair, not a delimiter. */
    private static boolean escaped(String text, int quote) {
        int backslashes = 0;
        for (int i = quote - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return (backslashes & 1) == 1;
    }

    /** Trims OWS (SP and HTAB, RFC 9110 §5.6.3) only; any other character stays and makes the element malformed. */
    private static String withoutOws(String text, int from, int to) {
        while (from < to && isOws(text.charAt(from))) {
            from++;
        }
        while (to > from && isOws(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
