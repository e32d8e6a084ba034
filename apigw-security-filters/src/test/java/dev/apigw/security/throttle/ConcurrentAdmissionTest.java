package dev.apigw.security.throttle;

import dev.apigw.security.SecurityControl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.apigw.security.throttle.ThrottleFixture.anonymous;
import static dev.apigw.security.throttle.ThrottleFixture.headers;
import static org.assertj.core.api.Assertions.assertThat;

/** 32 threads released at once on one bucket: never more admissions than the bucket allows. */
class ConcurrentAdmissionTest {

    private static final int THREADS = 32;
    private static final int ATTEMPTS = 200;

    private static int hammer(SecurityControl control) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    int admitted = 0;
                    for (int i = 0; i < ATTEMPTS; i++) {
                        if (control.decide(anonymous("192.0.2.1")).proceeds()) {
                            admitted++;
                        }
                    }
                    return admitted;
                }));
            }
            ready.await();
            start.countDown();
            int total = 0;
            for (Future<Integer> r : results) {
                total += r.get(30, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneBucketAdmitsExactlyItsBurst() throws Exception {
        var f = new ThrottleFixture(ThrottleSettings.NONE);
        assertThat(hammer(f.route(RateLimit.of(Rate.perHour(1), 1000)))).isEqualTo(1000);
    }

    @Test
    void twoLimitsAdmitTheSmallerAndTheRefundsLeaveTheLargerExact() throws Exception {
        var f = new ThrottleFixture(ThrottleSettings.builder().global(RateLimit.of(Rate.perHour(1), 300)).build());
        SecurityControl c = f.route(RateLimit.of(Rate.perHour(1), 1000));
        assertThat(hammer(c)).isEqualTo(300);
        f.clock.advance(java.time.Duration.ofHours(1));
        assertThat(headers(c.decide(anonymous("192.0.2.1"))).get("RateLimit"))
                .as("700 tokens left after 300 admissions, one more refilled, one taken now")
                .startsWith("\"route\";r=700;");
    }
}
