package dev.apigw.security.auth.jwt;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A scheduler that records the periodic task instead of running it, so a test runs it when it wants. */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {

    volatile Runnable periodic;
    volatile long delayMillis;

    RecordingScheduler() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        periodic = task;
        delayMillis = unit.toMillis(delay);
        return schedule(() -> { }, 1, TimeUnit.DAYS);
    }
}
