package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
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

    /** The calendar period that contains {@code now}, in UTC. */
    public Window window(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
        LocalDate end = switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        return new Window(period.name().charAt(0) + start.toString(), start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The bucket that counts one period: {@code limit} tokens, refilled only when the period ends. The store key
     * names the period too, so a new period always starts from a fresh bucket; the aligned refill only lets a
     * backend expire the old one.
     */
    BucketConfiguration bucket(Window window) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit).refillIntervallyAligned(limit, window.length(), window.end()))
                .build();
    }

    /**
     * One calendar period of a quota.
     *
     * @param id    names the period in store keys, e.g. {@code D2026-11-24} or {@code M2026-11-01}
     * @param start when it began (inclusive)
     * @param end   when the next one begins: the quota's reset
     */
    public record Window(String id, Instant start, Instant end) {

        /** How long the period lasts (a month: 28 to 31 days). */
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    /** As the configuration file writes it, e.g. {@code 1000/day}. */
    @Override
    public String toString() {
        return limit + "/" + period.name().toLowerCase(Locale.ROOT);
    }
}
