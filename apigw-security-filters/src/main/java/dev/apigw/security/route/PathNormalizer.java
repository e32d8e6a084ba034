package dev.apigw.security.route;

import dev.apigw.security.route.InvalidPath.Cause;
import java.util.Objects;

/**
 * Turns the raw, still percent-encoded request path into the one {@link NormalizedPath} that routing and every
 * control use, or refuses it with an {@link InvalidPath}.
 *
 * <p>Security rests on the gateway and the application agreeing on which resource a request names, so the path is
 * normalised exactly once and anything that containers or back ends read differently is refused rather than
 * guessed at. In order:
 * <ol>
 *   <li>The input is what {@code HttpServletRequest.getRequestURI()} returns minus the context path: no query
 *       string, still encoded. It must start with {@code /} and be at most {@link #maxLength()} characters.</li>
 *   <li>Raw characters must be RFC 3986 {@code pchar}s or {@code /}; anything else (space, {@code "}, {@code \},
 *       controls, raw non-ASCII whose bytes the container has already guessed at...) is refused.</li>
 *   <li>{@code ;} path parameters are dropped from every segment, as Tomcat and Jetty do before decoding, so
 *       {@code /pets;jsessionid=1/1} is {@code /pets/1} and {@code /..;x/} is a dot segment. The dropped text
 *       must obey the same rules as the rest.</li>
 *   <li>Each segment is percent-decoded once as strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 *       above U+10FFFF). An encoded {@code /}, {@code \} or {@code %} and any control character (C0, DEL, C1)
 *       are refused. A decoded {@code ;} stays a literal character, as in servlet containers.</li>
 *   <li>Dot segments are removed after decoding ({@code %2e%2E} is {@code ..}), as RFC 3986 §5.2.4 does, except
 *       that a {@code ..} above the root is refused instead of being dropped. Empty segments collapse and a trailing
 *       {@code /} is dropped ({@code /} itself stays).</li>
 * </ol>
 * Unicode is left as decoded: no NFC or NFKC normalisation is applied, so {@code caf%C3%A9} and
 * {@code cafe%CC%81} are different paths, and a fullwidth full stop (U+FF0E) is not a dot. A back end that applies
 * compatibility normalisation to paths would see something else; route on ASCII where that matters.
 *
 * <p>Immutable and thread-safe. A path that is already normal is returned as the very same string.
 */
public final class PathNormalizer {

    /** The default bound on the raw path: 8 KiB, the request-line limit of common servers. */
    public static final int DEFAULT_MAX_LENGTH = 8 * 1024;

    private final int maxLength;

    /** A normaliser that refuses raw paths longer than {@link #DEFAULT_MAX_LENGTH} characters. */
    public PathNormalizer() {
        this(DEFAULT_MAX_LENGTH);
    }

    /** A normaliser that refuses raw paths longer than {@code maxLength} characters. */
    public PathNormalizer(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, not " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** The longest raw path accepted, in characters. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Normalises one raw request path.
     *
     * @param rawPath the encoded path without context path and query string
     * @return the normalised path, or why it is refused
     */
    public PathNormalization normalize(String rawPath) {
        Objects.requireNonNull(rawPath, "rawPath");
        if (rawPath.length() > maxLength) {
            return InvalidPath.of(Cause.TOO_LONG);
        }
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return InvalidPath.of(Cause.NOT_ABSOLUTE);
        }
        int dirty = firstSegmentNeedingWork(rawPath);
        if (dirty < 0) {
            return new NormalizedPath(rawPath);
        }
        return new SegmentDecoder(rawPath).decodeFrom(dirty);
    }

    /**
     * The index of the {@code /} that starts the first segment needing decoding, parameter removal, collapsing or
     * dot handling, or -1 when the whole path is already normal. Everything before that index is normal already,
     * so the slow path resumes there and the input is read once.
     */
    private static int firstSegmentNeedingWork(String raw) {
        int n = raw.length();
        if (n == 1) {
            return -1;
        }
        int segmentStart = 0;
        for (int i = 1; i <= n; i++) {
            char c = i < n ? raw.charAt(i) : '/';
            if (c == '/') {
                if (isEmptyOrDots(raw, segmentStart + 1, i)) {
                    return segmentStart;
                }
                segmentStart = i;
            } else if (!PathCharacters.isPlain(c)) {
                return segmentStart;
            }
        }
        return -1;
    }

    private static boolean isEmptyOrDots(String raw, int from, int to) {
        int length = to - from;
        return length == 0
                || (length == 1 && raw.charAt(from) == '.')
                || (length == 2 && raw.charAt(from) == '.' && raw.charAt(from + 1) == '.');
    }
}
