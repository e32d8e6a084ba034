package dev.apigw.security.throttle;

import java.util.Locale;
import java.util.Objects;

/**
 * A usage-plan quota: at most {@code limit} requests per calendar {@code period}. Written {@code 1000/day},
 * {@code 5000/week} or {@code 10000000/month} in the configuration file.
 *
 * <p>Periods are calendar periods in UTC that reset all at once (the contract's {@code Retry-After} points to the
 * reset), not sliding windows.
 *
 * @param limit how many requests the period allows, at least 1
 * @param period the calendar period
 */
public record Quota(long limit, Period period) {

    /** The calendar periods a quota counts over, in UTC. */
    public enum Period {
        /** From 00:00 UTC to the next. */
        DAY,
        /** An ISO-8601 week: from Monday 00:00 UTC. */
        WEEK,
        /** From the first of the month, 00:00 UTC. */
        MONTH
    }

    public Quota {
        Objects.requireNonNull(period, "period");
        if (limit < 1) {
            throw new IllegalArgumentException("a quota needs a limit of at least 1, not " + limit);
        }
    }

    /** As the configuration file writes it, e.g. {@code 1000/day}. */
    @Override
    public String toString() {
        return limit + "/" + period.name().toLowerCase(Locale.ROOT);
    }
}
