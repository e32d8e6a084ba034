package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.util.function.Supplier;

/**
 * Where the token buckets of the throttle, the quotas and the lockout live: in this process
 * ({@link LocalBucketStore}) or shared by every instance (the {@code apigw-security-redis} module), after
 * Bucket4j's {@code ProxyManager}.
 *
 * <p>Each operation is atomic on its bucket. A bucket is created from its configuration on first use; the
 * configuration is asked for only then. Implementations are thread-safe; a shared one answers within its timeout
 * or throws {@link StoreUnavailableException}, never blocks a request for long.
 */
public interface BucketStore extends AutoCloseable {

    /** Takes one token: consumed with what remains, or refused with the wait until a token comes back. */
    ConsumptionProbe tryConsume(BucketKey key, Supplier<BucketConfiguration> configuration);

    /**
     * Gives back a token taken by {@link #tryConsume} (never beyond the bucket's size), because a later limit refused
     * the request and it should not count.
     */
    void refund(BucketKey key, Supplier<BucketConfiguration> configuration);

    /**
     * Whether a token could be taken now, without taking it and without creating the bucket: {@code null} where
     * there is no bucket, so that checking costs no memory per client.
     */
    EstimationProbe peek(BucketKey key, Supplier<BucketConfiguration> configuration);

    /** Releases connections and memory. */
    @Override
    void close();
}
