package dev.apigw.security.config;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one exception for a configuration that cannot be used: it carries every {@link ConfigError} found, sorted
 * by location, so that an operator fixes a file in one round instead of one error per start-up.
 *
 * <p>{@link #getMessage()} is one line per error, each like
 * {@code config error at /routes/2/throttle/rate: "10 per sec" is not a rate (write N/s, N/m or N/h)}; it never
 * contains a stack trace, a parser's internals or a value that came from a {@code ${...}} placeholder.
 */
public final class ConfigException extends RuntimeException {

    private final List<ConfigError> errors;

    /** One error at the node {@code pointer} points to. */
    public ConfigException(String pointer, String message) {
        this(List.of(new ConfigError(pointer, message)));
    }

    /** Several errors; they are sorted by location and duplicates dropped. There must be at least one. */
    public ConfigException(Collection<ConfigError> errors) {
        this(errors, null);
    }

    ConfigException(Collection<ConfigError> errors, Throwable cause) {
        super(null, cause);
        Objects.requireNonNull(errors, "errors");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = List.copyOf(new TreeSet<>(errors));
    }

    /** Every error, sorted by location; never empty. */
    public List<ConfigError> errors() {
        return errors;
    }

    /** The location of the first error. */
    public String pointer() {
        return errors.get(0).pointer();
    }

    @Override
    public String getMessage() {
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
