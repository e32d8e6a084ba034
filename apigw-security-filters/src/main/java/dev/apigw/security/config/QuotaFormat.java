package dev.apigw.security.config;

import dev.apigw.security.throttle.Quota;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the usage-plan quotas of the configuration file: {@code N/day}, {@code N/week} or {@code N/month}, N a
 * whole number from 1 to 999999999999 written without sign or leading zeros.
 */
public final class QuotaFormat {

    /** What a quota looks like; the JSON Schema's hint says the same. */
    static final String EXPECTED = "is not a quota (write N/day, N/week or N/month)";

    static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,11})/(day|week|month)");

    private QuotaFormat() {
    }

    /**
     * The quota {@code text} stands for.
     *
     * @throws IllegalArgumentException naming the text and the shapes that are accepted
     */
    public static Quota parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException(text, EXPECTED);
        }
        Quota.Period period = switch (m.group(2)) {
            case "day" -> Quota.Period.DAY;
            case "week" -> Quota.Period.WEEK;
            default -> Quota.Period.MONTH;
        };
        return new Quota(Long.parseLong(m.group(1)), period);
    }
}
