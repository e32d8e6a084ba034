package dev.apigw.security.auth.apikey;

import dev.apigw.security.RequestView;

import java.util.List;

/**
 * The API key a request presents, read only from the configured header; never from the query string, where keys leak
 * into access logs, browser histories and {@code Referer} headers (the transport control answers
 * {@code secret_in_query} for those).
 *
 * <p>Two headers are refused rather than guessed between, so that a proxy and the client can never disagree about
 * which key was used. The length is checked before anything else, so a huge value costs one comparison and is never
 * hashed.
 *
 * @param kind  what was found
 * @param value the key when {@code kind} is {@link Kind#PRESENT}, else {@code null}
 */
record PresentedKey(Kind kind, String value) {

    /** What the header held. */
    enum Kind { ABSENT, PRESENT, MULTIPLE, TOO_LONG, MALFORMED }

    /** Keys shorter than this are refused: a weak imported key is not worth accepting. */
    static final int MIN_LENGTH = 16;

    static PresentedKey read(RequestView request, String header, int maxLength) {
        List<String> values = request.headers(header);
        if (values.isEmpty()) {
            return of(Kind.ABSENT);
        }
        if (values.size() > 1) {
            return of(Kind.MULTIPLE);
        }
        String raw = values.get(0);
        if (raw == null) {
            return of(Kind.MALFORMED);
        }
        // The bound holds before strip(), which copies: only a little surrounding whitespace is tolerated.
        if (raw.length() > maxLength + 16) {
            return of(Kind.TOO_LONG);
        }
        String key = raw.strip();
        if (key.length() > maxLength) {
            return of(Kind.TOO_LONG);
        }
        return key.length() >= MIN_LENGTH && visibleAscii(key) ? new PresentedKey(Kind.PRESENT, key)
                : of(Kind.MALFORMED);
    }

    private static PresentedKey of(Kind kind) {
        return new PresentedKey(kind, null);
    }

    /** RFC 9110 §5.5 visible characters only: no spaces, no controls, nothing a log line or a hash could trip on. */
    private static boolean visibleAscii(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The key is never part of the text form, so that a stray log call cannot leak it. */
    @Override
    public String toString() {
        return "PresentedKey[" + kind + "]";
    }
}
