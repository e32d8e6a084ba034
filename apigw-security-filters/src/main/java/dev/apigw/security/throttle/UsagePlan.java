package dev.apigw.security.throttle;

import java.util.Objects;

/**
 * A usage plan, as in Amazon API Gateway: the rate limit and quota that every API key of the plan gets, each key
 * counted on its own. Written {@code gold: { rate: 500/s, burst: 1000, quota: 10000000/month }}.
 *
 * @param name  the plan's name, as API keys name it
 * @param rate  the rate limit per API key, or {@code null} for none
 * @param quota the quota per API key, or {@code null} for none
 */
public record UsagePlan(String name, RateLimit rate, Quota quota) {

    public UsagePlan {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a usage plan needs a name");
        }
    }
}
