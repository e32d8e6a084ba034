package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A shared store that cannot be reached: every operation fails as a timed-out backend would. */
final class FailingBucketStore implements BucketStore {

    final AtomicInteger calls = new AtomicInteger();

    private StoreUnavailableException fail() {
        calls.incrementAndGet();
        return new StoreUnavailableException("unreachable", null);
    }

    @Override
    public ConsumptionProbe tryConsume(BucketKey key, Supplier<BucketConfiguration> configuration) {
        throw fail();
    }

    @Override
    public void refund(BucketKey key, Supplier<BucketConfiguration> configuration) {
        throw fail();
    }

    @Override
    public EstimationProbe peek(BucketKey key, Supplier<BucketConfiguration> configuration) {
        throw fail();
    }

    @Override
    public void close() {
    }
}
