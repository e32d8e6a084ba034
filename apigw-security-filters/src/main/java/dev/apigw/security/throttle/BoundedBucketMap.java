package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketListener;
import io.github.bucket4j.MathType;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LockFreeBucket;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The buckets of one key space, at most {@code maxKeys} of them, so that a client rotating through millions of
 * addresses cannot grow memory without bound.
 *
 * <p>A hit is a {@link ConcurrentHashMap} read and a lock-free Bucket4j bucket: no lock. Only a new key while the map
 * is full takes the sweep lock, and a sweep frees a tenth of the map, so that cost is shared by the next tenth of new
 * keys. A sweep drops full buckets, which lose nothing (a full bucket is what a new one would be), and the least
 * recently used, by a threshold estimated from a sample, in one pass. Full buckets are also dropped once a minute.
 * Concurrent inserts can pass {@code maxKeys} by at most the number of threads inserting at that moment.
 */
final class BoundedBucketMap {

    private static final long SWEEP_INTERVAL_SECONDS = 60;
    private static final int SAMPLE = 1024;

    private final ConcurrentHashMap<BucketKey, Tracked> map = new ConcurrentHashMap<>();
    private final ReentrantLock sweepLock = new ReentrantLock();
    private final long maxKeys;
    private final long lowWater;
    private final TimeMeter time;
    private volatile long lastSweep;

    BoundedBucketMap(long maxKeys, TimeMeter time) {
        this.maxKeys = maxKeys;
        this.lowWater = maxKeys - Math.max(1, maxKeys / 10);
        this.time = time;
        this.lastSweep = seconds();
    }

    /** The bucket under {@code key}, created from the configuration if absent. */
    LocalBucket get(BucketKey key, Supplier<BucketConfiguration> configuration) {
        long now = seconds();
        Tracked t = map.get(key);
        if (t == null) {
            t = insert(key, configuration, now);
        } else if (t.lastUsed != now) {
            t.lastUsed = now;
        }
        return t.bucket;
    }

    /** The bucket under {@code key}, or {@code null}; never creates one. */
    LocalBucket find(BucketKey key) {
        Tracked t = map.get(key);
        return t == null ? null : t.bucket;
    }

    long size() {
        return map.mappingCount();
    }

    void clear() {
        map.clear();
    }

    private Tracked insert(BucketKey key, Supplier<BucketConfiguration> configuration, long now) {
        if (map.mappingCount() >= maxKeys) {
            sweepLock.lock();
            try {
                if (map.mappingCount() >= maxKeys) {
                    sweep(now);
                }
            } finally {
                sweepLock.unlock();
            }
        } else if (now - lastSweep >= SWEEP_INTERVAL_SECONDS && sweepLock.tryLock()) {
            try {
                dropFull();
                lastSweep = now;
            } finally {
                sweepLock.unlock();
            }
        }
        return map.computeIfAbsent(key, k -> new Tracked(new LockFreeBucket(configuration.get(),
                MathType.INTEGER_64_BITS, time, BucketListener.NOPE), now));
    }

    /** One pass: drops full buckets and those last used at or before a sampled threshold, down to the low water. */
    private void sweep(long now) {
        evict(threshold());
        if (map.mappingCount() > lowWater) {
            evict(Long.MAX_VALUE);
        }
        lastSweep = now;
    }

    private void evict(long threshold) {
        Iterator<Map.Entry<BucketKey, Tracked>> it = map.entrySet().iterator();
        while (it.hasNext() && map.mappingCount() > lowWater) {
            Map.Entry<BucketKey, Tracked> e = it.next();
            if (e.getValue().lastUsed <= threshold || full(e.getValue().bucket)) {
                map.remove(e.getKey(), e.getValue());
            }
        }
    }

    private void dropFull() {
        for (Map.Entry<BucketKey, Tracked> e : map.entrySet()) {
            if (full(e.getValue().bucket)) {
                map.remove(e.getKey(), e.getValue());
            }
        }
    }

    /** A full bucket is what a new one would be, so dropping it loses nothing. */
    private static boolean full(LocalBucket b) {
        return b.getAvailableTokens() >= b.getConfiguration().getBandwidths()[0].getCapacity();
    }

    /** The last-use time below which about the excess share of entries lies, from a sample. */
    private long threshold() {
        long[] sample = new long[SAMPLE];
        int n = 0;
        for (Tracked t : map.values()) {
            if (n == SAMPLE) {
                break;
            }
            sample[n++] = t.lastUsed;
        }
        if (n == 0) {
            return Long.MAX_VALUE;
        }
        Arrays.sort(sample, 0, n);
        double excess = (double) (map.mappingCount() - lowWater) / Math.max(1, map.mappingCount());
        return sample[(int) Math.min(n - 1, Math.ceil(excess * n))];
    }

    private long seconds() {
        return time.currentTimeNanos() / 1_000_000_000L;
    }

    /** A bucket and when it was last used, in whole seconds (written only when the second changes). */
    private static final class Tracked {
        final LocalBucket bucket;
        volatile long lastUsed;

        Tracked(LocalBucket bucket, long lastUsed) {
            this.bucket = bucket;
            this.lastUsed = lastUsed;
        }
    }
}
