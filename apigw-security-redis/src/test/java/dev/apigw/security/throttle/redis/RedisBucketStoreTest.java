package dev.apigw.security.throttle.redis;

import dev.apigw.security.testing.MutableClock;
import dev.apigw.security.throttle.BucketStore;
import dev.apigw.security.throttle.BucketStoreContract;
import dev.apigw.security.throttle.StoreSettings;
import org.junit.jupiter.api.BeforeAll;

/** The Redis store keeps the {@code BucketStore} contract, against the real Redis at 127.0.0.1:6379. */
class RedisBucketStoreTest extends BucketStoreContract {

    @BeforeAll
    static void redis() {
        RedisFixture.requireRedis(6379);
    }

    @Override
    protected BucketStore open(MutableClock clock) {
        return RedisBucketStore.open(RedisFixture.store(RedisFixture.SHARED, StoreSettings.OnFailure.DENY), clock);
    }
}
