package dev.apigw.security.throttle.redis;

import dev.apigw.security.throttle.BucketStore;
import dev.apigw.security.throttle.BucketStoreFactory;
import dev.apigw.security.throttle.StoreSettings;

import java.time.Clock;

/** Opens {@link RedisBucketStore} for {@code throttling.store.type: redis}; registered for {@code ServiceLoader}. */
public final class RedisBucketStoreFactory implements BucketStoreFactory {

    @Override
    public String type() {
        return "redis";
    }

    @Override
    public BucketStore open(StoreSettings settings, Clock clock) {
        return RedisBucketStore.open(settings, clock);
    }
}
