package dev.apigw.security.ip;

import java.util.List;

/**
 * Reads the hops of the {@code Forwarded} header (RFC 7239) from right to left: per element the {@code for} node and
 * the {@code proto} of the connection it describes.
 *
 * <p>Follows §4: pairs separated by {@code ;}, parameter names case-insensitive, values a token or a quoted-string
 * (RFC 9110 §5.6.4, with quoted-pairs), each parameter at most once per element; other parameters ({@code by},
 * {@code host}, extensions) are checked for syntax and ignored. Tolerated beyond the grammar, because proxies in the
 * wild write them and they are unambiguous: whitespace around {@code ;}, and an unquoted bracketed IPv6 address or
 * {@code address:port}. An element that breaks these rules is a hop without an address; an element without
 * {@code for} is one too, since it does not say who connected.
 */
final class ForwardedHeader implements HopReader {

    private final ReverseElements elements;

    ForwardedHeader(List<String> lines) {
        this.elements = new ReverseElements(lines, true);
    }

    @Override
    public Hop next() {
        while (elements.previous()) {
            String element = elements.element();
            if (element == null) {
                return Hop.UNKNOWN;
            }
            if (!element.isEmpty()) {
                return parseElement(element);
            }
        }
        return null;
    }

    static Hop parseElement(String element) {
        String node = null;
        String proto = null;
        int length = element.length();
        int i = 0;
        while (i < length) {
            i = skipOws(element, i);
            if (i < length && element.charAt(i) == ';') {
                i++;
                continue;
            }
            if (i == length) {
                break;
            }
            int nameEnd = tokenEnd(element, i);
            if (nameEnd == i || nameEnd == length || element.charAt(nameEnd) != '=') {
                return Hop.UNKNOWN;
            }
            int valueStart = nameEnd + 1;
            boolean quoted = valueStart < length && element.charAt(valueStart) == '"';
            int valueEnd = quoted ? quotedStringEnd(element, valueStart) : bareValueEnd(element, valueStart);
            int next = valueEnd <= valueStart ? -1 : skipOws(element, valueEnd);
            if (next < 0 || (next < length && element.charAt(next) != ';')) {
                return Hop.UNKNOWN;
            }
            String value = quoted ? unquote(element, valueStart + 1, valueEnd - 1)
                    : element.substring(valueStart, valueEnd);
            if (isName(element, i, nameEnd, "for")) {
                if (node != null) {
                    return Hop.UNKNOWN;
                }
                node = value;
            } else if (isName(element, i, nameEnd, "proto")) {
                if (proto != null) {
                    return Hop.UNKNOWN;
                }
                proto = value;
            }
            i = next;
        }
        return new Hop(node == null ? null : ForwardedNode.parse(node, false), proto);
    }

    private static boolean isName(String text, int from, int to, String name) {
        // Names are tokens, which are ASCII, so a case-insensitive region match cannot fold a non-ASCII letter.
        return to - from == name.length() && text.regionMatches(true, from, name, 0, name.length());
    }

    /** The index after the closing quote, or -1 when the string is unterminated or holds a control character. */
    private static int quotedStringEnd(String text, int openingQuote) {
        for (int i = openingQuote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
                if (i == text.length() || !isQuotable(text.charAt(i))) {
                    return -1;
                }
            } else if (!isQuotable(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static String unquote(String text, int from, int to) {
        int backslash = text.indexOf('\\', from);
        if (backslash < 0 || backslash >= to) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            out.append(c == '\\' ? text.charAt(++i) : c);
        }
        return out.toString();
    }

    /** A token, plus the {@code [ ] :} of an unquoted IPv6 address or port. */
    private static int bareValueEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (isTchar(text.charAt(i)) || "[]:".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isTchar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code tchar} of RFC 9110 §5.6.2. */
    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** HTAB, SP, visible ASCII and obs-text: what may stand in a quoted-string, escaped or not. */
    private static boolean isQuotable(char c) {
        return c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
    }

    private static int skipOws(String text, int from) {
        int i = from;
        while (i < text.length() && ReverseElements.isOws(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
