package dev.apigw.security.config;

/**
 * A built-in resolver could not produce a value; the message is safe to show (a path and a reason, never
 * content), unlike an arbitrary resolver's exception, of which only the class name is shown.
 */
final class PlaceholderFailure extends RuntimeException {

    PlaceholderFailure(String message) {
        super(message);
    }

    PlaceholderFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
