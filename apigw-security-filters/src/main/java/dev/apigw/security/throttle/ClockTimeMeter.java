package dev.apigw.security.throttle;

import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Bucket4j's time source, read from a {@link Clock}: the injected clock of tests, or the wall clock that every
 * instance sharing a store must agree on (Bucket4j's compare-and-swap backends compute refills on the client).
 */
public final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    public ClockTimeMeter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
