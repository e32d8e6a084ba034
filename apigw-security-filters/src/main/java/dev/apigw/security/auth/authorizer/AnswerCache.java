package dev.apigw.security.auth.authorizer;

import dev.apigw.security.Decision;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The authorizer's decisions by {@link CacheKey}, each kept for the TTL, at most {@code maxEntries} of them.
 *
 * <p>A hit is one lock-free map read and a clock read. When the map is full, a sweep removes the expired entries and,
 * if that frees less than a sixteenth of the room, other entries in the map's iteration order, which follows the
 * keys' hashes and so is close to random: eviction costs a fraction of a scan per insert and never a lock.
 * Under concurrent inserts the size can pass the bound by at most the number of inserting threads.
 */
final class AnswerCache {

    private record Entry(Decision decision, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<CacheKey, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;

    AnswerCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The cached decision, or {@code null} when there is none or it expired. */
    Decision get(CacheKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() < entry.expiresAtMillis) {
            return entry.decision;
        }
        entries.remove(key, entry);
        return null;
    }

    void put(CacheKey key, Decision decision) {
        long now = clock.millis();
        if (entries.size() >= maxEntries) {
            evict(now);
        }
        entries.put(key, new Entry(decision, now + ttlMillis));
    }

    int size() {
        return entries.size();
    }

    /** Removes every expired entry, and then, if that freed less than a sixteenth, arbitrary ones up to that. */
    private void evict(long now) {
        int batch = Math.max(1, maxEntries / 16);
        entries.values().removeIf(e -> now >= e.expiresAtMillis);
        Iterator<Entry> it = entries.values().iterator();
        for (int free = maxEntries - entries.size(); free < batch && it.hasNext(); free++) {
            it.next();
            it.remove();
        }
    }
}
