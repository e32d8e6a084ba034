package dev.apigw.security.auth.jwt;

import dev.apigw.security.Decision;
import io.jsonwebtoken.Claims;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tokens already verified, so that a repeated token skips the signature check: bounded, lock-free to read, and
 * never more permissive than verifying again.
 *
 * <p><b>Soundness.</b> Only an accepted token is remembered, with the window in which the full check would accept it
 * again: from {@code max(nbf, iat) - clockSkew} to {@code exp + clockSkew}, the same comparisons jjwt and
 * {@link ClaimsCheck} make. A hit is used only inside that window, only while the key source still holds the very
 * key set the token was verified against (so a key removed or replaced in the JWKS stops its tokens at the same
 * refresh that stops uncached ones), and only for {@code maxAge} after the verification. Anything else is a miss,
 * and the miss runs the full check, so every refusal and its reason come from there.
 *
 * <p><b>Bound.</b> Two generations of at most {@code maxEntries / 2} each: new entries go into the young one; when it
 * is full it becomes the old one and the previous old one is dropped whole. Eviction is thus one reference swap, with
 * no scan, no lock and no per-entry bookkeeping on a hit; the price is that an entry lives for one to two
 * generations, after which a token still in use is verified once more. One thread holds it to {@code maxEntries}
 * exactly; with several, others may insert between a thread's insert and its size check, so each generation can
 * overshoot by one entry per thread inserting at that moment (two per thread in all, a handful on a real server).
 * Entries are 32-byte digests ({@link TokenDigest}) and the shared decision, so memory is bounded by about
 * {@code maxEntries} times the size of one identity.
 */
final class VerifiedTokenCache {

    private final int generationSize;
    private final long maxAgeMillis;
    private final long skewMillis;
    private final Clock clock;
    private final AtomicReference<Generations> generations;

    VerifiedTokenCache(int maxEntries, Duration maxAge, Duration clockSkew, Clock clock) {
        if (maxEntries < 2) {
            throw new IllegalArgumentException("a verified-token cache needs at least 2 entries, not " + maxEntries);
        }
        this.generationSize = maxEntries / 2;
        this.maxAgeMillis = maxAge.toMillis();
        this.skewMillis = clockSkew.toMillis();
        this.clock = clock;
        this.generations = new AtomicReference<>(new Generations(newGeneration(), newGeneration()));
    }

    /** The accepted decision remembered for this token, if it may be used now against this key set; else null. */
    Decision.Proceed find(TokenDigest token, Object keySet) {
        Generations now = generations.get();
        Entry entry = now.young.get(token);
        if (entry == null) {
            entry = now.old.get(token);
        }
        return entry != null && entry.usable(clock.millis(), keySet) ? entry.decision : null;
    }

    /** Remembers a token that has just passed every check against {@code keySet}, read before the check began. */
    void remember(TokenDigest token, Decision.Proceed accepted, Claims claims, Object keySet) {
        long now = clock.millis();
        long from = Math.max(millis(claims.getNotBefore(), Long.MIN_VALUE), millis(claims.getIssuedAt(),
                Long.MIN_VALUE));
        long until = Math.min(saturatedAdd(millis(claims.getExpiration(), Long.MIN_VALUE), skewMillis),
                saturatedAdd(now, maxAgeMillis));
        Entry entry = new Entry(accepted, saturatedAdd(from, -skewMillis), until, keySet);
        Generations current = generations.get();
        current.young.put(token, entry);
        if (current.young.size() >= generationSize) {
            // Whoever wins the swap drops the old generation; a loser's entry is already in the new old one.
            generations.compareAndSet(current, new Generations(newGeneration(), current.young));
        }
    }

    /** The number of entries held now. */
    int size() {
        Generations now = generations.get();
        return now.young.size() + now.old.size();
    }

    private ConcurrentHashMap<TokenDigest, Entry> newGeneration() {
        // Sized up front so that filling a generation never resizes it on the request path.
        return new ConcurrentHashMap<>(generationSize);
    }

    private static long millis(Date date, long absent) {
        return date == null ? absent : date.getTime();
    }

    private static long saturatedAdd(long value, long delta) {
        long sum = value + delta;
        // Overflow only when both have the same sign and the sum has the other one.
        if (((value ^ sum) & (delta ^ sum)) < 0) {
            return delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    private record Generations(ConcurrentHashMap<TokenDigest, Entry> young,
                               ConcurrentHashMap<TokenDigest, Entry> old) {
    }

    private record Entry(Decision.Proceed decision, long validFrom, long validUntil, Object keySet) {

        boolean usable(long now, Object currentKeySet) {
            return keySet == currentKeySet && now >= validFrom && now <= validUntil;
        }
    }
}
