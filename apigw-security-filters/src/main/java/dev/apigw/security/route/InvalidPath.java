package dev.apigw.security.route;

import dev.apigw.security.Problem;

/**
 * A request path that {@link PathNormalizer} refuses, with the {@link Cause} and a short message that is safe to
 * show the client because it never repeats the path.
 *
 * <p>The pipeline answers it with 400 and reason {@value #REASON}; the cause goes to the audit record only.
 */
public final class InvalidPath implements PathNormalization {

    /** The problem reason for a refused path. */
    public static final String REASON = "invalid_path";

    private static final InvalidPath[] BY_CAUSE = new InvalidPath[Cause.values().length];

    static {
        for (Cause cause : Cause.values()) {
            BY_CAUSE[cause.ordinal()] = new InvalidPath(cause);
        }
    }

    private final Cause cause;
    private final Problem problem;

    private InvalidPath(Cause cause) {
        this.cause = cause;
        this.problem = Problem.of(400, REASON, cause.message).withInternalNote("path refused: " + cause.name());
    }

    /** Shared instances, so that refusing a flood of hostile paths allocates nothing. */
    public static InvalidPath of(Cause cause) {
        return BY_CAUSE[cause.ordinal()];
    }

    /** Which rule the path broke. */
    public Cause cause() {
        return cause;
    }

    /** A short message for the client; never contains any part of the path. */
    public String message() {
        return cause.message;
    }

    /** The 400 problem for this refusal, with the cause as the internal note for the audit record. */
    public Problem toProblem() {
        return problem;
    }

    @Override
    public String toString() {
        return "InvalidPath[" + cause + "]";
    }

    /** The rule a refused path broke. */
    public enum Cause {
        /** Empty, or not starting with {@code /} (an {@code *} or absolute-form target was not reduced). */
        NOT_ABSOLUTE("The request path must start with '/'."),
        /** Longer than the normaliser's bound. */
        TOO_LONG("The request path is too long."),
        /** A {@code %} not followed by two hexadecimal digits. */
        MALFORMED_ESCAPE("The request path contains a malformed percent-escape."),
        /** Percent-escapes that are not well-formed, shortest-form UTF-8 of a Unicode scalar value. */
        INVALID_UTF8("The request path is not valid UTF-8 once percent-decoded."),
        /** {@code %2F}: a slash inside a segment, which containers and back ends treat differently. */
        ENCODED_SLASH("The request path contains an encoded '/'."),
        /** {@code \} raw or as {@code %5C}: some back ends treat it as a separator. */
        BACKSLASH("The request path contains a backslash."),
        /** {@code %25}: a second layer of encoding, the classic double-decoding bypass. */
        ENCODED_PERCENT("The request path contains an encoded '%'."),
        /** A C0 control, DEL or C1 control, raw or encoded. */
        CONTROL_CHARACTER("The request path contains a control character."),
        /** A raw character that RFC 3986 §3.3 requires to be percent-encoded, including any non-ASCII one. */
        UNENCODED_CHARACTER("The request path contains a character that must be percent-encoded."),
        /** A {@code ..} segment with nothing left to remove. */
        ABOVE_ROOT("The request path climbs above the root.");

        private final String message;

        Cause(String message) {
            this.message = message;
        }
    }
}
