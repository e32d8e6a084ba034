package dev.apigw.security.throttle;

import java.util.Objects;

/**
 * Names one bucket: the limit it belongs to and the client it counts, in a key space.
 *
 * <p>Key spaces keep what an attacker can create cheaply apart from what must not be lost: a flood of new client
 * addresses can push out other addresses' buckets in a bounded local store, but never a principal's quota or an
 * address's lockout.
 *
 * @param space  which kind of client the key counts
 * @param limit  the limit's id, e.g. {@code route.GET /pets} or {@code quota.gold.D2026-11-24}
 * @param client the client's key within the limit: an address, {@code jwt:alice}, an API key id, or {@code *}
 */
public record BucketKey(Space space, String limit, String client) {

    /** The kinds of key, each bounded on its own in the local store. */
    public enum Space {
        /** Keyed by client address: cheap for an attacker to multiply (IPv6), so evicted first. */
        ADDRESS,
        /** Keyed by an authenticated principal, an API key or the whole API. */
        IDENTITY,
        /** Failed authentications and lockouts per client address. */
        LOCKOUT
    }

    public BucketKey {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(client, "client");
    }

    /**
     * The key as one string for a shared backend: {@code <prefix><space>:<limit>:<client>}, e.g.
     * {@code apigw:address:route.GET /pets:203.0.113.5}, with {@code %} and {@code :} escaped in the limit so that no
     * two keys can collide.
     */
    public String text(String prefix) {
        return prefix + space.name().toLowerCase(java.util.Locale.ROOT) + ":"
                + limit.replace("%", "%25").replace(":", "%3A") + ":" + client;
    }
}
