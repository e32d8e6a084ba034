package dev.apigw.security.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * The brute-force lockout: {@code maxFailures} failed authentications from one client address within
 * {@code window} lock that address out for {@code lockout}, valid credentials or not. Written
 * {@code bruteForce: { maxFailures: 10, window: 1m, lockout: 15m }}.
 *
 * <p>Failures are counted in a token bucket of {@code maxFailures} that refills over {@code window}, so a burst of
 * failures is caught at once and a slow guesser is held to {@code maxFailures} per {@code window} on average.
 *
 * @param maxFailures failed authentications that trigger the lockout, at least 1
 * @param window      the time over which failures count, positive
 * @param lockout     how long the address stays locked out, positive
 */
public record BruteForcePolicy(long maxFailures, Duration window, Duration lockout) {

    /** The values a missing key takes: 10 failures, 1 minute, 15 minutes (as the contract's example). */
    public static final BruteForcePolicy DEFAULTS = new BruteForcePolicy(10, Duration.ofMinutes(1),
            Duration.ofMinutes(15));

    public BruteForcePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(lockout, "lockout");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1, not " + maxFailures);
        }
        if (window.isZero() || window.isNegative() || lockout.isZero() || lockout.isNegative()) {
            throw new IllegalArgumentException("window and lockout must be positive durations (e.g. 1m, 15m)");
        }
        if (maxFailures > window.toNanos()) {
            throw new IllegalArgumentException("maxFailures of " + maxFailures + " within " + window
                    + " is more than one per nanosecond; lengthen the window");
        }
    }
}
