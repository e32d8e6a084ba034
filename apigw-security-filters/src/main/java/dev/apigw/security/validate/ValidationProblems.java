package dev.apigw.security.validate;

import dev.apigw.security.Problem;
import dev.apigw.security.Problem.ValidationError;

import java.util.List;

/**
 * The rejections of this package, worded once: 413, 415, 431 and 400 {@code validation_failed} with its list of
 * errors (CONTRACT §4). Details say what the client can change and never repeat what it sent.
 */
public final class ValidationProblems {

    /** The most errors one answer lists; a hostile body could otherwise make the answer larger than itself. */
    public static final int MAX_ERRORS = 20;

    private ValidationProblems() {
    }

    /**
     * 413 {@code body_too_large}. {@code Connection: close}, so that the container does not read the rest of a large
     * body just to keep the connection.
     */
    public static Problem bodyTooLarge(long limit, String note) {
        return Problem.of(413, "body_too_large", "The request body is larger than the " + limit
                        + " bytes this API accepts.")
                .withHeader("Connection", "close")
                .withInternalNote("body " + note);
    }

    /** 431 {@code headers_too_large}. */
    public static Problem headersTooLarge(long limit, long size) {
        return Problem.of(431, "headers_too_large", "The request headers are larger than this API accepts;"
                        + " send fewer or shorter headers.")
                .withInternalNote("headers of " + size + " characters, limit " + limit);
    }

    /** 415 {@code unsupported_media_type}, saying what to send instead. */
    public static Problem unsupportedMediaType(String detail) {
        return Problem.of(415, "unsupported_media_type", detail);
    }

    /** 400 {@code validation_failed} with at most {@link #MAX_ERRORS} errors; the detail says when some were left out. */
    public static Problem invalid(List<ValidationError> errors) {
        int total = errors.size();
        String detail = total <= MAX_ERRORS
                ? "The request does not match what this API accepts; see errors."
                : "The request does not match what this API accepts; the first " + MAX_ERRORS + " of " + total
                        + " errors are listed.";
        return Problem.of(400, "validation_failed", detail)
                .withErrors(total <= MAX_ERRORS ? errors : errors.subList(0, MAX_ERRORS));
    }

    /** 400 {@code validation_failed} for one error. */
    public static Problem invalid(String location, String pointer, String message) {
        return invalid(List.of(new ValidationError(location, pointer, message)));
    }
}
