package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.local.LocalBucket;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The buckets of this process: lock-free Bucket4j buckets, at most {@code maxKeys} per {@link BucketKey.Space}, so
 * that a flood of new client addresses can neither grow memory without bound nor push out a principal's quota or an
 * address's lockout. Limits hold per instance; share them across instances with a shared store.
 */
public final class LocalBucketStore implements BucketStore {

    private final Map<BucketKey.Space, BoundedBucketMap> spaces = new EnumMap<>(BucketKey.Space.class);

    /**
     * @param maxKeys the most buckets per key space
     * @param clock   the time of the buckets
     */
    public LocalBucketStore(long maxKeys, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, not " + maxKeys);
        }
        ClockTimeMeter time = new ClockTimeMeter(clock);
        for (BucketKey.Space s : BucketKey.Space.values()) {
            spaces.put(s, new BoundedBucketMap(maxKeys, time));
        }
    }

    @Override
    public ConsumptionProbe tryConsume(BucketKey key, Supplier<BucketConfiguration> configuration) {
        return spaces.get(key.space()).get(key, configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void refund(BucketKey key, Supplier<BucketConfiguration> configuration) {
        LocalBucket bucket = spaces.get(key.space()).find(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    @Override
    public EstimationProbe peek(BucketKey key, Supplier<BucketConfiguration> configuration) {
        LocalBucket bucket = spaces.get(key.space()).find(key);
        return bucket == null ? null : bucket.estimateAbilityToConsume(1);
    }

    /** How many buckets a key space holds now. */
    public long size(BucketKey.Space space) {
        return spaces.get(space).size();
    }

    @Override
    public void close() {
        spaces.values().forEach(BoundedBucketMap::clear);
    }
}
