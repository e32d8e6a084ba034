package dev.apigw.security.route;

import dev.apigw.security.route.InvalidPath.Cause;

/**
 * The slow path of {@link PathNormalizer}: drops path parameters, percent-decodes and resolves dot and empty
 * segments in one left-to-right pass, for a path that is not already normal.
 *
 * <p>One instance per path; not thread-safe. Decoding never makes a path longer (three raw characters become at
 * most one, twelve at most two), so one buffer the size of the input is enough.
 */
final class SegmentDecoder {

    private final String raw;
    private final char[] out;
    private int length;
    private Cause failure;

    SegmentDecoder(String raw) {
        this.raw = raw;
        this.out = new char[raw.length()];
    }

    /**
     * Normalises the path, taking the part before {@code start} (a {@code /} the caller has found to begin the
     * first segment needing work) as already normal.
     */
    PathNormalization decodeFrom(int start) {
        raw.getChars(0, start, out, 0);
        length = start;
        int p = start;
        while (p < raw.length()) {
            int segmentStart = length;
            out[length++] = '/';
            p = decodeSegment(p + 1);
            if (p < 0 || !closeSegment(segmentStart)) {
                return InvalidPath.of(failure);
            }
        }
        return new NormalizedPath(length == 0 ? "/" : new String(out, 0, length));
    }

    /** Decodes one segment from {@code p} up to the next raw {@code /}; returns where it stopped, or -1. */
    private int decodeSegment(int p) {
        boolean inParameters = false;
        while (p < raw.length()) {
            char c = raw.charAt(p);
            if (c == '/') {
                return p;
            }
            if (c == '%') {
                p = decodeEscape(p, inParameters);
                if (p < 0) {
                    return -1;
                }
            } else if (c == ';') {
                inParameters = true;
                p++;
            } else {
                failure = PathCharacters.rawViolation(c);
                if (failure != null) {
                    return -1;
                }
                emit(c, inParameters);
                p++;
            }
        }
        return p;
    }

    /** Decodes the escape at {@code p} and any continuation escapes of its UTF-8 sequence; returns the next index. */
    private int decodeEscape(int p, boolean inParameters) {
        int b = byteAt(p);
        if (b < 0) {
            return fail(Cause.MALFORMED_ESCAPE);
        }
        if (b < 0x80) {
            failure = PathCharacters.decodedViolation(b);
            if (failure != null) {
                return -1;
            }
            emit((char) b, inParameters);
            return p + 3;
        }
        int continuations = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
        if (continuations == 0 || b > 0xf4) {
            return fail(Cause.INVALID_UTF8);
        }
        int codePoint = b & (0x3f >> continuations);
        for (int i = 0; i < continuations; i++) {
            p += 3;
            if (p >= raw.length() || raw.charAt(p) != '%') {
                return fail(Cause.INVALID_UTF8);
            }
            int next = byteAt(p);
            if (next < 0) {
                return fail(Cause.MALFORMED_ESCAPE);
            }
            if ((next & 0xc0) != 0x80) {
                return fail(Cause.INVALID_UTF8);
            }
            codePoint = codePoint << 6 | next & 0x3f;
        }
        if (!isShortestScalar(codePoint, continuations)) {
            return fail(Cause.INVALID_UTF8);
        }
        if (PathCharacters.isControl(codePoint)) {
            return fail(Cause.CONTROL_CHARACTER);
        }
        if (!inParameters) {
            length += Character.toChars(codePoint, out, length);
        }
        return p + 3;
    }

    /** RFC 3629 §3: the shortest encoding of a Unicode scalar value (no overlong form, no surrogate). */
    private static boolean isShortestScalar(int codePoint, int continuations) {
        int minimum = continuations == 1 ? 0x80 : continuations == 2 ? 0x800 : 0x10000;
        return codePoint >= minimum && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    }

    /** The byte of the escape {@code %XY} at {@code p}, or -1 when it is not one. */
    private int byteAt(int p) {
        if (p + 2 >= raw.length()) {
            return -1;
        }
        int high = PathCharacters.hexValue(raw.charAt(p + 1));
        int low = PathCharacters.hexValue(raw.charAt(p + 2));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    /**
     * Drops the segment just decoded if it is empty or {@code .}, or removes it and the one before if it is
     * {@code ..}; false when a {@code ..} has nothing before it.
     */
    private boolean closeSegment(int segmentStart) {
        int size = length - segmentStart - 1;
        boolean dot = size >= 1 && size <= 2 && out[segmentStart + 1] == '.' && out[length - 1] == '.';
        if (size == 0 || (dot && size == 1)) {
            length = segmentStart;
        } else if (dot) {
            if (segmentStart == 0) {
                failure = Cause.ABOVE_ROOT;
                return false;
            }
            length = segmentStart - 1;
            while (out[length] != '/') {
                length--;
            }
        }
        return true;
    }

    private void emit(char c, boolean inParameters) {
        if (!inParameters) {
            out[length++] = c;
        }
    }

    private int fail(Cause cause) {
        failure = cause;
        return -1;
    }
}
