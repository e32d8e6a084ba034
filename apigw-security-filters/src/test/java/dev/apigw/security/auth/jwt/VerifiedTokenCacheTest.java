package dev.apigw.security.auth.jwt;

import dev.apigw.security.testing.MutableClock;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache on its own: its time window, its key-set check and its memory bound. */
class VerifiedTokenCacheTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofSeconds(60);
    private static final Object KEYS = new Object();
    private static final Decision.Proceed ALICE = Decision.authenticated(Identity.builder("alice", "jwt").build());

    private final MutableClock clock = new MutableClock(NOW);
    private final VerifiedTokenCache cache = new VerifiedTokenCache(100, MAX_AGE, SKEW, clock);

    private static Claims claims(Instant iat, Instant nbf, Instant exp) {
        return Jwts.claims().subject("alice").issuedAt(date(iat)).notBefore(date(nbf)).expiration(date(exp)).build();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static TokenDigest token(int n) {
        return TokenDigest.of("header.payload-" + n + ".signature");
    }

    private void rememberValidFor(TokenDigest token, Duration lifetime) {
        cache.remember(token, ALICE, claims(NOW, null, NOW.plus(lifetime)), KEYS);
    }

    @Test
    void returnsTheRememberedDecisionForTheSameToken() {
        rememberValidFor(token(1), Duration.ofMinutes(5));

        assertThat(cache.find(token(1), KEYS)).isSameAs(ALICE);
        assertThat(cache.find(TokenDigest.of("header.payload-1.signature"), KEYS)).isSameAs(ALICE);
    }

    @Test
    void findsNothingForAnotherToken() {
        rememberValidFor(token(1), Duration.ofMinutes(5));

        assertThat(cache.find(token(2), KEYS)).isNull();
    }

    @Test
    void usesAnEntryUntilExpiryPlusSkewAndNotOneMillisecondLonger() {
        rememberValidFor(token(1), Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10).plus(SKEW));
        assertThat(cache.find(token(1), KEYS)).isSameAs(ALICE);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.find(token(1), KEYS)).isNull();
    }

    @Test
    void usesAnEntryForMaxAgeAtMostWhateverItsExpiry() {
        rememberValidFor(token(1), Duration.ofHours(1));

        clock.advance(MAX_AGE);
        assertThat(cache.find(token(1), KEYS)).isSameAs(ALICE);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.find(token(1), KEYS)).isNull();
    }

    @Test
    void findsNothingWhenTheClockGoesBackBeforeNotBeforeOrIssuedAtMinusSkew() {
        Instant nbf = NOW.minusSeconds(5);
        cache.remember(token(1), ALICE, claims(NOW.minusSeconds(10), nbf, NOW.plusSeconds(300)), KEYS);
        cache.remember(token(2), ALICE, claims(NOW, null, NOW.plusSeconds(300)), KEYS);

        clock.advance(Duration.between(NOW, nbf.minus(SKEW)));
        assertThat(cache.find(token(1), KEYS)).isSameAs(ALICE);
        clock.advance(Duration.ofMillis(-1));
        assertThat(cache.find(token(1), KEYS)).isNull();
        assertThat(cache.find(token(2), KEYS)).as("iat is %s ahead", SKEW.plusSeconds(5)).isNull();
    }

    @Test
    void findsNothingOnceTheKeySetIsAnotherOne() {
        rememberValidFor(token(1), Duration.ofMinutes(5));

        assertThat(cache.find(token(1), new Object())).isNull();
    }

    @Test
    void neverUsesAnEntryWithoutExpiry() {
        cache.remember(token(1), ALICE, claims(NOW, null, null), KEYS);

        assertThat(cache.find(token(1), KEYS)).isNull();
    }

    @Test
    void survivesAnExpiryAtTheEndOfTime() {
        cache.remember(token(1), ALICE, Jwts.claims().expiration(new Date(Long.MAX_VALUE)).build(), KEYS);

        assertThat(cache.find(token(1), KEYS)).isSameAs(ALICE);
    }

    @Test
    void staysWithinItsBoundWhileTenTimesAsManyTokensArrive() {
        for (int i = 0; i < 1_000; i++) {
            rememberValidFor(token(i), Duration.ofMinutes(5));
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
        assertThat(cache.size()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void evictsTheOldestGenerationAndKeepsTheNewest() {
        for (int i = 0; i < 1_000; i++) {
            rememberValidFor(token(i), Duration.ofMinutes(5));
        }

        assertThat(cache.find(token(999), KEYS)).isSameAs(ALICE);
        assertThat(cache.find(token(950), KEYS)).isSameAs(ALICE);
        assertThat(cache.find(token(0), KEYS)).isNull();
        assertThat(cache.find(token(850), KEYS)).isNull();
    }

    @Test
    void staysWithinItsBoundPlusTwoPerThreadUnderConcurrentInserts() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> largestSeen = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int offset = t * 100_000;
                largestSeen.add(pool.submit(() -> {
                    start.await();
                    int largest = 0;
                    for (int i = 0; i < 5_000; i++) {
                        rememberValidFor(token(offset + i), Duration.ofMinutes(5));
                        largest = Math.max(largest, cache.size());
                    }
                    return largest;
                }));
            }
            start.countDown();
            for (Future<Integer> seen : largestSeen) {
                assertThat(seen.get(30, TimeUnit.SECONDS)).isLessThanOrEqualTo(100 + 2 * threads);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100 + 2 * threads);
    }

    @Test
    void refusesABoundTooSmallForTwoGenerations() {
        assertThatThrownBy(() -> new VerifiedTokenCache(1, MAX_AGE, SKEW, clock))
                .hasMessageContaining("at least 2 entries");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1023, 1024, 1025, 8192})
    void digestsATokenOfAnyLengthAsItsSha256(int length) throws Exception {
        String token = "a.b." + "x".repeat(length);
        ByteBuffer expected = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));

        assertThat(TokenDigest.of(token)).isEqualTo(new TokenDigest(expected.getLong(), expected.getLong(),
                expected.getLong(), expected.getLong()));
    }

    @Test
    void digestsTheSameTokenAlikeAndOthersApart() {
        assertThat(TokenDigest.of("a.b.c")).isEqualTo(TokenDigest.of("a.b.c"))
                .hasSameHashCodeAs(TokenDigest.of("a.b.c"))
                .isNotEqualTo(TokenDigest.of("a.b.d"));
        assertThat(TokenDigest.of("a.b.c").toString()).doesNotContain("a.b.c");
    }
}
