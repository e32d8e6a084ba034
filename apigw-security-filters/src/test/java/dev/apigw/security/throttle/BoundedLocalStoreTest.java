package dev.apigw.security.throttle;

import dev.apigw.security.testing.MutableClock;
import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The local store stays within maxKeys whatever a client rotating through addresses does. */
class BoundedLocalStoreTest {

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final Supplier<BucketConfiguration> slow = RateLimit.of(Rate.perHour(1), 5)::bucket;

    private static BucketKey address(long i) {
        return new BucketKey(BucketKey.Space.ADDRESS, "anonymous", "2001:db8:" + Long.toHexString(i) + "::/64");
    }

    @Test
    void aMillionAddressesNeverHoldMoreThanMaxKeys() {
        LocalBucketStore store = new LocalBucketStore(10_000, clock);
        for (long i = 0; i < 1_000_000; i++) {
            store.tryConsume(address(i), slow);
            if (i % 100_000 == 0) {
                assertThat(store.size(BucketKey.Space.ADDRESS)).isLessThanOrEqualTo(10_000);
            }
        }
        assertThat(store.size(BucketKey.Space.ADDRESS)).isBetween(9_000L, 10_000L);
    }

    @Test
    void recentlyUsedBucketsSurviveAFloodOfNewAddresses() {
        LocalBucketStore store = new LocalBucketStore(1_000, clock);
        BucketKey busy = address(-1);
        for (int i = 0; i < 5; i++) {
            store.tryConsume(busy, slow);
        }
        for (long i = 0; i < 20_000; i++) {
            clock.advance(Duration.ofSeconds(1));
            store.tryConsume(address(i), slow);
            if (i % 100 == 0) {
                store.peek(busy, slow);
                store.tryConsume(busy, slow);
            }
        }
        assertThat(store.peek(busy, slow)).as("still tracked").isNotNull();
        assertThat(store.peek(busy, slow).canBeConsumed()).as("and still empty, not reset by eviction").isFalse();
    }

    @Test
    void fullBucketsAreDroppedBecauseDroppingThemLosesNothing() {
        LocalBucketStore store = new LocalBucketStore(100, clock);
        BucketKey spent = address(-1);
        for (int i = 0; i < 5; i++) {
            store.tryConsume(spent, slow);
        }
        for (long i = 0; i < 99; i++) {
            store.tryConsume(address(i), slow);
        }
        clock.advance(Duration.ofHours(6));
        for (long i = 0; i < 99; i++) {
            store.tryConsume(address(1000 + i), slow);
        }
        assertThat(store.peek(spent, slow)).as("5 h refill it to full; 6 h later it is dropped")
                .isNull();
        assertThat(store.size(BucketKey.Space.ADDRESS)).isLessThanOrEqualTo(100);
    }

    @Test
    void aFloodOfAddressesNeverPushesOutALockoutOrAQuota() {
        LocalBucketStore store = new LocalBucketStore(1_000, clock);
        BucketKey lock = new BucketKey(BucketKey.Space.LOCKOUT, "lockout", "192.0.2.66");
        BucketKey quota = new BucketKey(BucketKey.Space.IDENTITY, "quota.free.D2026-11-24", "key:k-1");
        store.tryConsume(lock, slow);
        store.tryConsume(quota, slow);
        for (long i = 0; i < 50_000; i++) {
            store.tryConsume(address(i), slow);
        }
        assertThat(store.peek(lock, slow)).isNotNull();
        assertThat(store.peek(quota, slow)).isNotNull();
    }

    @Test
    void concurrentNewKeysStayWithinMaxKeysPlusTheThreads() throws Exception {
        LocalBucketStore store = new LocalBucketStore(5_000, clock);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        long[] peak = new long[1];
        for (int t = 0; t < threads; t++) {
            long base = t * 1_000_000L;
            pool.submit(() -> {
                start.await();
                for (long i = 0; i < 50_000; i++) {
                    store.tryConsume(address(base + i), slow);
                    long size = store.size(BucketKey.Space.ADDRESS);
                    synchronized (peak) {
                        peak[0] = Math.max(peak[0], size);
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(peak[0]).isLessThanOrEqualTo(5_000 + threads);
    }
}
