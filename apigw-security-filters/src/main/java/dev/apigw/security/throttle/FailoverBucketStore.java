package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A shared store guarded by a circuit breaker: after a failure, requests stop waiting for the shared store for
 * {@code retryInterval}, then one request probes it while the others keep going; meanwhile each operation goes to
 * the local fallback ({@code onFailure: local}) or fails fast with {@link StoreUnavailableException} for the caller's
 * {@code allow} or {@code deny}.
 *
 * <p>One WARN when an episode starts and one INFO when the store answers again, never one per request. The hot path
 * while the store is healthy reads one volatile field.
 */
public final class FailoverBucketStore implements BucketStore {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverBucketStore.class);
    private static final long CLOSED = Long.MIN_VALUE;

    private final BucketStore primary;
    private final BucketStore fallback;
    private final String description;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong openUntil = new AtomicLong(CLOSED);

    /**
     * @param primary       the shared store
     * @param fallback      the local store for {@code onFailure: local}, or {@code null} to fail fast instead
     * @param description   how logs name the shared store; never with a password
     * @param retryInterval how long to leave the shared store alone after a failure
     * @param nanoTime      a monotonic time source ({@code System::nanoTime})
     */
    public FailoverBucketStore(BucketStore primary, BucketStore fallback, String description, Duration retryInterval,
                               LongSupplier nanoTime) {
        this.primary = primary;
        this.fallback = fallback;
        this.description = description;
        this.retryNanos = retryInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public ConsumptionProbe tryConsume(BucketKey key, Supplier<BucketConfiguration> configuration) {
        return call(store -> store.tryConsume(key, configuration));
    }

    @Override
    public void refund(BucketKey key, Supplier<BucketConfiguration> configuration) {
        call(store -> {
            store.refund(key, configuration);
            return null;
        });
    }

    @Override
    public EstimationProbe peek(BucketKey key, Supplier<BucketConfiguration> configuration) {
        return call(store -> store.peek(key, configuration));
    }

    /** Whether requests are being answered without the shared store right now. */
    public boolean degraded() {
        return openUntil.get() != CLOSED;
    }

    private <T> T call(Function<BucketStore, T> operation) {
        if (usePrimary()) {
            try {
                T result = operation.apply(primary);
                recovered();
                return result;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        if (fallback == null) {
            throw new StoreUnavailableException(description + " is unavailable", null);
        }
        return operation.apply(fallback);
    }

    private boolean usePrimary() {
        long until = openUntil.get();
        if (until == CLOSED) {
            return true;
        }
        long now = nanoTime.getAsLong();
        // The one request that moves the deadline probes; the others keep the fallback until it is back.
        return now - until >= 0 && openUntil.compareAndSet(until, now + retryNanos);
    }

    private void failed(RuntimeException e) {
        long previous = openUntil.getAndSet(nanoTime.getAsLong() + retryNanos);
        if (previous == CLOSED) {
            LOG.warn("{} is unavailable ({}: {}); {} until it answers again", description,
                    e.getClass().getSimpleName(), e.getMessage(),
                    fallback == null ? "onFailure applies" : "limits are counted locally");
        }
    }

    private void recovered() {
        if (openUntil.get() != CLOSED && openUntil.getAndSet(CLOSED) != CLOSED) {
            LOG.info("{} answers again; limits are shared again", description);
        }
    }

    @Override
    public void close() {
        try {
            primary.close();
        } finally {
            if (fallback != null) {
                fallback.close();
            }
        }
    }
}
