package dev.apigw.security.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * A sustained rate for a token bucket: {@code tokens} are added back every {@code period}. Written {@code 10/s},
 * {@code 600/m} or {@code 5000/h} in the configuration file.
 *
 * @param tokens how many requests the period allows, at least 1
 * @param period the refill period, positive
 */
public record Rate(long tokens, Duration period) {

    public Rate {
        Objects.requireNonNull(period, "period");
        if (tokens < 1) {
            throw new IllegalArgumentException("a rate needs at least 1 token per period, not " + tokens);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate needs a positive period, not " + period);
        }
    }

    public static Rate perSecond(long tokens) {
        return new Rate(tokens, Duration.ofSeconds(1));
    }

    public static Rate perMinute(long tokens) {
        return new Rate(tokens, Duration.ofMinutes(1));
    }

    public static Rate perHour(long tokens) {
        return new Rate(tokens, Duration.ofHours(1));
    }

    /** As the configuration file writes it ({@code 10/s}); other periods as ISO-8601 ({@code 10/PT2S}). */
    @Override
    public String toString() {
        if (period.equals(Duration.ofSeconds(1))) {
            return tokens + "/s";
        }
        if (period.equals(Duration.ofMinutes(1))) {
            return tokens + "/m";
        }
        if (period.equals(Duration.ofHours(1))) {
            return tokens + "/h";
        }
        return tokens + "/" + period;
    }
}
