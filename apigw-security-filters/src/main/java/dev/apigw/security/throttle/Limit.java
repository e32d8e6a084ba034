package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;

import java.util.function.Supplier;

/**
 * One rate limit as it runs: its id in the store, the bucket configuration built once (handed to the store as its
 * own supplier, so a request allocates nothing for it), and how the RateLimit-Policy field describes it.
 *
 * @param id         the limit's part of the store key, e.g. {@code route.GET /pets}
 * @param policy     the policy name clients see, or {@code null} for a limit never described to clients
 * @param settings   the configured rate and burst
 * @param bucket     the Bucket4j configuration
 * @param policyItem the item of draft-ietf-httpapi-ratelimit-headers-11 §3.1, e.g. {@code "route";q=40;w=2}
 */
record Limit(String id, String policy, RateLimit settings, BucketConfiguration bucket, String policyItem)
        implements Supplier<BucketConfiguration> {

    /** The running limit, or {@code null} where the setting is absent. */
    static Limit of(String id, String policy, RateLimit settings) {
        if (settings == null) {
            return null;
        }
        String item = policy == null ? null
                : RateLimitFields.item(policy, "q", settings.burst(), "w", settings.windowSeconds());
        return new Limit(id, policy, settings, settings.bucket(), item);
    }

    @Override
    public BucketConfiguration get() {
        return bucket;
    }
}
