package dev.apigw.security.auth.authorizer;

import dev.apigw.security.Decision;
import dev.apigw.security.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    private static CacheKey key(int i) {
        return CacheKey.of("/r", "GET", List.of("token-" + i));
    }

    @Test
    void staysWithinItsBoundUnderAFloodOfNewKeys() {
        AnswerCache cache = new AnswerCache(Duration.ofMinutes(5), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            cache.put(key(i), Decision.proceed());
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
        assertThat(cache.get(key(9_999))).isNotNull();
    }

    @Test
    void evictsExpiredEntriesFirst() {
        AnswerCache cache = new AnswerCache(Duration.ofMinutes(1), 64, clock);
        for (int i = 0; i < 60; i++) {
            cache.put(key(i), Decision.proceed());
        }
        clock.advance(Duration.ofSeconds(59));
        cache.put(key(1000), Decision.proceed());
        cache.put(key(1001), Decision.proceed());
        cache.put(key(1002), Decision.proceed());
        cache.put(key(1003), Decision.proceed());
        clock.advance(Duration.ofSeconds(1));
        cache.put(key(2000), Decision.proceed());
        assertThat(cache.size()).isEqualTo(5);
        assertThat(cache.get(key(1000))).isNotNull();
    }

    @Test
    void expiredEntryIsAMissAndIsRemoved() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 10, clock);
        cache.put(key(1), Decision.proceed());
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache.get(key(1))).isNull();
        assertThat(cache.size()).isZero();
    }
}
