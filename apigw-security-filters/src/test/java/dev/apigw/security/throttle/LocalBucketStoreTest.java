package dev.apigw.security.throttle;

import dev.apigw.security.testing.MutableClock;

/** The local store keeps the {@link BucketStore} contract. */
class LocalBucketStoreTest extends BucketStoreContract {

    @Override
    protected BucketStore open(MutableClock clock) {
        return new LocalBucketStore(1_000, clock);
    }
}
