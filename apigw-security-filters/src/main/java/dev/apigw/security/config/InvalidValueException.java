package dev.apigw.security.config;

/**
 * A value that a parser refused, kept apart from what was expected so that the value can be left out of the
 * message when it came from a placeholder (see {@link ConfigDocument#error(String, IllegalArgumentException)}).
 *
 * <p>Package-private: callers see an {@link IllegalArgumentException} whose message reads
 * {@code "10 per sec" is not a rate (write N/s, N/m or N/h)}.
 */
final class InvalidValueException extends IllegalArgumentException {

    private final String value;
    private final String expectation;

    InvalidValueException(String value, String expectation) {
        super(Quoted.of(value) + " " + expectation);
        this.value = value;
        this.expectation = expectation;
    }

    /** The refused value, unquoted. */
    String value() {
        return value;
    }

    /** What follows the value in the message, e.g. {@code is not a rate (write N/s, N/m or N/h)}. */
    String expectation() {
        return expectation;
    }
}
