package dev.apigw.security.validate.signature;

import java.util.Set;

/**
 * CR/LF injection: HTTP header injection, response splitting and request smuggling (RFC 9112 §2.2 and §3).
 *
 * <p>In a header value, a parameter or cookie name and the path, any CR or LF is refused: none of them can carry one
 * legitimately, and a decoded one is on its way into a header or a log line. In other values line breaks are
 * ordinary (a multi-line comment), so only a break followed by a header that matters ({@code Set-Cookie:},
 * {@code Location:}, {@code Content-Length:}...) or by an HTTP request or status line counts. A request line inside
 * any value ({@code GET http://x HTTP/1.1}) counts too.
 */
final class CrlfDetector implements Detector {

    private static final Set<String> HEADERS = Set.of("set-cookie", "location", "content-length", "content-type",
            "transfer-encoding", "refresh", "host", "cookie", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "remote-addr", "x-xss-protection", "content-security-policy",
            "access-control-allow-origin", "access-control-allow-credentials", "connection", "link", "authorization",
            "content-disposition", "x-frame-options", "strict-transport-security", "upgrade", "expect",
            "x-original-url", "x-rewrite-url", "x-real-ip", "x-client-ip", "true-client-ip", "cache-control",
            "content-encoding", "keep-alive", "te", "trailer", "www-authenticate", "x-forwarded-port", "forwarded");
    private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT",
        "PATCH", "PROPFIND"};
    private static final int MAX_HEADER_NAME = 40;

    @Override
    public Category category() {
        return Category.CRLF;
    }

    @Override
    public boolean matches(String text, Slot slot) {
        boolean strict = slot != Slot.VALUE;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (strict) {
                    return true;
                }
                int line = i + 1;
                while (line < text.length() && (text.charAt(line) == '\r' || text.charAt(line) == '\n')) {
                    line++;
                }
                if (headerAt(text, line) || startsWith(text, line, "HTTP/")) {
                    return true;
                }
                i = line - 1;
            } else if (c >= 'A' && c <= 'Z' && requestLineAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Name:} followed by a value, where Name is a header an attacker would want to set. */
    private static boolean headerAt(String s, int i) {
        int end = i;
        while (end < s.length() && end - i <= MAX_HEADER_NAME && (Character.isLetterOrDigit(s.charAt(end))
                || s.charAt(end) == '-')) {
            end++;
        }
        if (end == i || end >= s.length() || s.charAt(end) != ':') {
            return false;
        }
        int value = end + 1;
        while (value < s.length() && (s.charAt(value) == ' ' || s.charAt(value) == '\t')) {
            value++;
        }
        boolean hasValue = value < s.length() && s.charAt(value) != '\r' && s.charAt(value) != '\n';
        return hasValue && HEADERS.contains(s.substring(i, end).toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code GET /x HTTP/1.1}: a method, a target, and a protocol version. */
    private static boolean requestLineAt(String s, int i) {
        for (String method : METHODS) {
            if (!s.startsWith(method, i) || at(s, i + method.length()) != ' ') {
                continue;
            }
            int target = i + method.length() + 1;
            int end = target;
            while (end < s.length() && end - target < 2048 && s.charAt(end) > ' ') {
                end++;
            }
            return end > target && at(s, end) == ' ' && startsWith(s, end + 1, "HTTP/")
                    && Character.isDigit(at(s, end + 6));
        }
        return false;
    }

    private static boolean startsWith(String s, int i, String prefix) {
        return s.regionMatches(true, i, prefix, 0, prefix.length());
    }

    private static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : 0;
    }
}
