package dev.apigw.security.auth.jwt;

import dev.apigw.security.RequestView;

import java.util.List;

/**
 * The bearer token of a request, read only from {@code Authorization: Bearer <token>} (RFC 6750 §2.1); never from
 * the query string or a form body (§2.2, §2.3), which leak into logs and histories.
 *
 * <p>The scheme is case-insensitive (RFC 7235 §2.1). A request without a Bearer {@code Authorization} header carries
 * no JWT credential at all, so another method (an API key, say) may decide. Two {@code Authorization} headers are
 * refused rather than guessed between. The token is checked against the compact JWS alphabet (base64url and two
 * dots) and its length before any decoding, so a huge or odd value costs one scan and never reaches the parser.
 *
 * @param kind  what was found
 * @param value the token when {@code kind} is {@link Kind#PRESENT}, else {@code null}
 */
record BearerToken(Kind kind, String value) {

    /** What the {@code Authorization} headers held. */
    enum Kind { ABSENT, PRESENT, MULTIPLE, TOO_LONG, MALFORMED }

    private static final String SCHEME = "Bearer";

    static BearerToken read(RequestView request, int maxLength) {
        List<String> headers = request.headers("Authorization");
        if (!anyBearer(headers)) {
            return of(Kind.ABSENT);
        }
        if (headers.size() > 1) {
            return of(Kind.MULTIPLE);
        }
        String header = headers.get(0);
        if (header.length() > SCHEME.length() + 1 + maxLength + 2) {
            return of(Kind.TOO_LONG);
        }
        // The token's bounds are found first, so that it is copied once and only when it is well-formed.
        int start = SCHEME.length();
        int end = header.length();
        while (start < end && Character.isWhitespace(header.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(header.charAt(end - 1))) {
            end--;
        }
        if (end - start > maxLength) {
            return of(Kind.TOO_LONG);
        }
        return isCompactJws(header, start, end) ? new BearerToken(Kind.PRESENT, header.substring(start, end))
                : of(Kind.MALFORMED);
    }

    private static BearerToken of(Kind kind) {
        return new BearerToken(kind, null);
    }

    // A loop, not a stream: this runs on every request.
    private static boolean anyBearer(List<String> headers) {
        for (int i = 0; i < headers.size(); i++) {
            if (isBearer(headers.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBearer(String header) {
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    /** Three non-empty base64url parts; a JWE (five parts) or an unsigned token (empty signature) is not one. */
    private static boolean isCompactJws(String header, int start, int end) {
        int dots = 0;
        int partLength = 0;
        for (int i = start; i < end; i++) {
            char c = header.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if (isBase64Url(c)) {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
