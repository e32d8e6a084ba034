package dev.apigw.security.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of the configuration file: a whole number and a unit, {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h} or {@code 1d}, or a bare {@code 0}.
 *
 * <p>Strict on purpose: no spaces, signs, fractions, leading zeros, upper-case units or unit-less numbers
 * (is {@code 30} seconds or milliseconds?). A day is 24 hours. The longest duration is the one whose nanoseconds
 * still fit in a {@code long} (about 292 years), so that {@link Duration#toNanos()} never overflows in the
 * controls that use it.
 */
public final class DurationFormat {

    /** What a duration looks like; the JSON Schema's hint says the same. */
    static final String EXPECTED = "is not a duration (write 500ms, 30s, 5m, 1h or 1d)";

    private static final Pattern SHAPE = Pattern.compile("(0|[1-9][0-9]{0,17})(ms|s|m|h|d)");
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private DurationFormat() {
    }

    /**
     * The duration {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the text and the shapes that are accepted
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException(text, EXPECTED);
        }
        long amount = Long.parseLong(m.group(1));
        ChronoUnit unit = switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        try {
            Duration d = Duration.of(amount, unit);
            if (d.compareTo(LONGEST) <= 0) {
                return d;
            }
        } catch (ArithmeticException overflow) {
            // falls through to the same answer as a duration that fits a Duration but not a long of nanos
        }
        throw new InvalidValueException(text, "is too long (the longest is 106751d)");
    }
}
