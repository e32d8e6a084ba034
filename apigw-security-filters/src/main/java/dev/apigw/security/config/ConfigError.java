package dev.apigw.security.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem in a configuration file: where it is (a JSON Pointer, RFC 6901) and what is wrong and what would
 * be right.
 *
 * <p>{@link #toString()} is the line an operator reads, for example
 * {@code config error at /routes/2/throttle/rate: "10 per sec" is not a rate (write N/s, N/m or N/h)}.
 * The whole document, pointer {@code ""}, is shown as {@code /}. Messages never carry a value that came from a
 * {@code ${...}} placeholder.
 *
 * @param pointer the JSON Pointer of the bad node, {@code ""} for the whole document
 * @param message what is wrong, without the location
 */
public record ConfigError(String pointer, String message) implements Comparable<ConfigError>, Serializable {

    public ConfigError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON pointer starts with /: " + Quoted.of(pointer));
        }
    }

    /** Orders by location in the document (array indexes as numbers), then by message. */
    @Override
    public int compareTo(ConfigError other) {
        int byPointer = Pointer.ORDER.compare(pointer, other.pointer);
        return byPointer != 0 ? byPointer : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return "config error at " + Pointer.display(pointer) + ": " + message;
    }
}
