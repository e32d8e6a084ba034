package dev.apigw.security.throttle;

import dev.apigw.security.testing.MutableClock;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BucketStore} must do; each store's test extends it (shipped in the filters test-jar for the store
 * modules). Keys are unique per test, so a shared backend needs no cleaning.
 */
public abstract class BucketStoreContract {

    protected final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final Supplier<BucketConfiguration> threePerMinute = RateLimit.of(Rate.perMinute(3), 3)::bucket;
    private final String run = UUID.randomUUID().toString();
    private BucketStore store;

    /** A fresh store whose buckets read time from {@code clock}. */
    protected abstract BucketStore open(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = open(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private BucketKey key(String name) {
        return new BucketKey(BucketKey.Space.ADDRESS, "contract", run + ":" + name);
    }

    @Test
    void takesTokensUntilTheBucketIsEmptyThenSaysHowLongToWait() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            ConsumptionProbe p = store.tryConsume(key("a"), threePerMinute);
            assertThat(p.isConsumed()).isTrue();
            assertThat(p.getRemainingTokens()).isEqualTo(remaining);
        }
        ConsumptionProbe refused = store.tryConsume(key("a"), threePerMinute);
        assertThat(refused.isConsumed()).isFalse();
        assertThat(refused.getNanosToWaitForRefill()).isEqualTo(Duration.ofSeconds(20).toNanos());
        clock.advance(Duration.ofSeconds(20));
        assertThat(store.tryConsume(key("a"), threePerMinute).isConsumed()).isTrue();
    }

    @Test
    void aRefundGivesOneTokenBackButNeverBeyondTheBurst() {
        store.tryConsume(key("b"), threePerMinute);
        store.refund(key("b"), threePerMinute);
        store.refund(key("b"), threePerMinute);
        assertThat(store.tryConsume(key("b"), threePerMinute).getRemainingTokens()).isEqualTo(2);
    }

    @Test
    void peekNeitherTakesNorCreates() {
        assertThat(store.peek(key("c"), threePerMinute)).isNull();
        assertThat(store.peek(key("c"), threePerMinute)).as("still absent after a peek").isNull();
        store.tryConsume(key("c"), threePerMinute);
        assertThat(store.peek(key("c"), threePerMinute).getRemainingTokens()).isEqualTo(2);
        assertThat(store.peek(key("c"), threePerMinute).getRemainingTokens()).isEqualTo(2);
    }

    @Test
    void bucketsOfDifferentKeysAndSpacesAreApart() {
        BucketKey a = key("d");
        BucketKey lockout = new BucketKey(BucketKey.Space.LOCKOUT, a.limit(), a.client());
        for (int i = 0; i < 3; i++) {
            store.tryConsume(a, threePerMinute);
        }
        assertThat(store.tryConsume(key("e"), threePerMinute).isConsumed()).isTrue();
        assertThat(store.peek(lockout, threePerMinute) == null
                || store.peek(lockout, threePerMinute).canBeConsumed()).isTrue();
    }
}
