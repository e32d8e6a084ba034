package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys a database store found lately, each with the time it was read, bounded in size.
 *
 * <p>Only keys that exist are cached (revoked and expired ones too, so their answer is cached as well): caching
 * misses would let a flood of random keys push the real ones out. When full, entries older than {@code keepMillis}
 * are swept out, at most once per {@code keepMillis}, so a full cache under attack costs no repeated scans; if it is
 * still full, a new key is answered but not cached.
 */
final class KeyCache {

    /** A key and when it was read, by the store's clock. */
    record Entry(StoredKey key, long readAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final long keepMillis;
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    KeyCache(int maxSize, long keepMillis) {
        this.maxSize = maxSize;
        this.keepMillis = keepMillis;
    }

    Entry get(String hash) {
        return entries.get(hash);
    }

    void put(String hash, StoredKey key, long now) {
        if (entries.size() >= maxSize && !entries.containsKey(hash)) {
            sweep(now);
            if (entries.size() >= maxSize) {
                return;
            }
        }
        entries.put(hash, new Entry(key, now));
    }

    void remove(String hash) {
        entries.remove(hash);
    }

    int size() {
        return entries.size();
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + keepMillis)) {
            entries.values().removeIf(e -> now - e.readAt() >= keepMillis);
        }
    }
}
