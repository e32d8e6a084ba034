package dev.apigw.security.throttle;

import dev.apigw.security.Secret;

import java.time.Duration;
import java.util.Objects;

/**
 * Where buckets live: {@code local} (this process, bounded at {@code maxKeys} per key space) or a shared backend
 * such as {@code redis}, found on the class path through {@link BucketStoreFactory}. Written
 * {@code store: { type: redis, uri: redis://127.0.0.1:6379, onFailure: local, timeout: 50ms }}.
 *
 * @param type      {@code local}, or the type of a {@link BucketStoreFactory}
 * @param maxKeys   the most buckets kept in memory per key space (local store and local fallback)
 * @param uri       the backend's address; may hold a password, so it is a {@link Secret} and never logged
 * @param onFailure what to do while a shared backend cannot answer
 * @param timeout   the longest a request waits for the backend before {@code onFailure} applies
 */
public record StoreSettings(String type, long maxKeys, Secret uri, OnFailure onFailure, Duration timeout) {

    /** The type of the in-process store. */
    public static final String LOCAL = "local";
    /** The default bound of the local store, as the contract's example. */
    public static final long DEFAULT_MAX_KEYS = 1_000_000;
    /** The default time a request waits for a shared backend: tens of milliseconds, never a stall. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(50);
    /** An in-process store of the default size. */
    public static final StoreSettings LOCAL_DEFAULTS = new StoreSettings(LOCAL, DEFAULT_MAX_KEYS, null,
            OnFailure.LOCAL, DEFAULT_TIMEOUT);

    /** What a request gets while the shared store is unreachable or too slow. */
    public enum OnFailure {
        /** Counted by a local limiter in this instance until the store is back (limits then hold per instance). */
        LOCAL,
        /** Let through without throttling. */
        ALLOW,
        /** Refused with 503 {@code throttling_unavailable}. */
        DENY
    }

    public StoreSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(timeout, "timeout");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, not " + maxKeys);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the store timeout must be positive (e.g. 50ms)");
        }
        if (!LOCAL.equals(type) && uri == null) {
            throw new IllegalArgumentException("a " + type + " store needs a uri");
        }
    }

    /** Whether buckets live in this process only. */
    public boolean local() {
        return LOCAL.equals(type);
    }
}
