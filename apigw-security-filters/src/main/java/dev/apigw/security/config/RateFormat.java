package dev.apigw.security.config;

import dev.apigw.security.throttle.Rate;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rates of the configuration file: {@code N/s}, {@code N/m} or {@code N/h}, N a whole number from 1 to
 * 999999999999 written without sign or leading zeros.
 *
 * <p>A value shaped like a quota ({@code 1000/day}) gets a message that points to {@code quota}, because that is
 * the mistake behind it.
 */
public final class RateFormat {

    /** What a rate looks like; the JSON Schema's hint says the same. */
    static final String EXPECTED = "is not a rate (write N/s, N/m or N/h)";

    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,11})/(s|m|h)");

    private RateFormat() {
    }

    /**
     * The rate {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the text and the shapes that are accepted
     */
    public static Rate parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            if (QuotaFormat.SHAPE.matcher(text).matches()) {
                throw new InvalidValueException(text, EXPECTED + "; per day, week or month is a quota");
            }
            throw new InvalidValueException(text, EXPECTED);
        }
        Duration period = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        return new Rate(Long.parseLong(m.group(1)), period);
    }
}
