package dev.apigw.security.throttle;

import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens a shared {@link BucketStore} of one {@code throttling.store.type}. Found with {@link ServiceLoader}, so the
 * filters module finds the Redis store when {@code apigw-security-redis} is on the class path without depending on
 * it, and applications without Redis pull no Redis client.
 */
public interface BucketStoreFactory {

    /** The store type this factory opens, as written in {@code throttling.store.type}, e.g. {@code redis}. */
    String type();

    /**
     * Opens the store. Must not fail because the backend is unreachable right now: the store then fails its
     * operations with {@link StoreUnavailableException} and reconnects by itself.
     *
     * @param settings the store settings, with the backend's uri
     * @param clock    the time of every bucket, shared by all instances (keep their clocks synchronised)
     */
    BucketStore open(StoreSettings settings, Clock clock);

    /** The factory for a type on the class path, if any. */
    static Optional<BucketStoreFactory> find(String type) {
        for (ClassLoader loader : new ClassLoader[] {BucketStoreFactory.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (BucketStoreFactory f : ServiceLoader.load(BucketStoreFactory.class, loader)) {
                if (f.type().equals(type)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
