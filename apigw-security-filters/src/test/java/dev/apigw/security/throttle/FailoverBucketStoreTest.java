package dev.apigw.security.throttle;

import dev.apigw.security.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The circuit breaker: a failed shared store is left alone, probed by one request, and used again once back. */
class FailoverBucketStoreTest {

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final BucketKey key = new BucketKey(BucketKey.Space.ADDRESS, "anonymous", "192.0.2.1");

    @Test
    void afterAFailureRequestsStopWaitingForTheStoreUntilTheRetryInterval() {
        FailingBucketStore broken = new FailingBucketStore();
        var store = new FailoverBucketStore(broken, new LocalBucketStore(10, clock), "test store",
                Duration.ofSeconds(1), nanos::get);
        var bucket = RateLimit.of(Rate.perHour(1), 2);
        assertThat(store.tryConsume(key, bucket::bucket).isConsumed()).isTrue();
        assertThat(store.degraded()).isTrue();
        store.tryConsume(key, bucket::bucket);
        assertThat(store.tryConsume(key, bucket::bucket).isConsumed()).as("the local fallback counts").isFalse();
        assertThat(broken.calls).as("only the first request waited for the broken store").hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        store.tryConsume(key, bucket::bucket);
        assertThat(broken.calls).as("one probe after the retry interval").hasValue(2);
    }

    @Test
    void withoutFallbackTheFailureReachesTheCallerAtOnce() {
        FailingBucketStore broken = new FailingBucketStore();
        var store = new FailoverBucketStore(broken, null, "test store", Duration.ofSeconds(1), nanos::get);
        var bucket = RateLimit.of(Rate.perHour(1), 2);
        assertThatThrownBy(() -> store.tryConsume(key, bucket::bucket)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.tryConsume(key, bucket::bucket)).isInstanceOf(StoreUnavailableException.class);
        assertThat(broken.calls).hasValue(1);
    }

    @Test
    void aHealthyStoreAnswersAgainAfterTheProbe() {
        var healthy = new LocalBucketStore(10, clock);
        var flaky = new FlakyStore(healthy);
        var store = new FailoverBucketStore(flaky, null, "test store", Duration.ofSeconds(1), nanos::get);
        var bucket = RateLimit.of(Rate.perHour(1), 5);
        flaky.down = true;
        assertThatThrownBy(() -> store.tryConsume(key, bucket::bucket)).isInstanceOf(StoreUnavailableException.class);
        flaky.down = false;
        assertThatThrownBy(() -> store.tryConsume(key, bucket::bucket)).as("not probed before the interval")
                .isInstanceOf(StoreUnavailableException.class);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(store.tryConsume(key, bucket::bucket).isConsumed()).isTrue();
        assertThat(store.degraded()).isFalse();
    }

    /** Delegates, or fails while {@code down}. */
    private static final class FlakyStore implements BucketStore {
        private final BucketStore delegate;
        volatile boolean down;

        FlakyStore(BucketStore delegate) {
            this.delegate = delegate;
        }

        private BucketStore target() {
            if (down) {
                throw new StoreUnavailableException("down", null);
            }
            return delegate;
        }

        @Override
        public io.github.bucket4j.ConsumptionProbe tryConsume(BucketKey k,
                java.util.function.Supplier<io.github.bucket4j.BucketConfiguration> c) {
            return target().tryConsume(k, c);
        }

        @Override
        public void refund(BucketKey k, java.util.function.Supplier<io.github.bucket4j.BucketConfiguration> c) {
            target().refund(k, c);
        }

        @Override
        public io.github.bucket4j.EstimationProbe peek(BucketKey k,
                java.util.function.Supplier<io.github.bucket4j.BucketConfiguration> c) {
            return target().peek(k, c);
        }

        @Override
        public void close() {
        }
    }
}
