package dev.apigw.security.throttle;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

import static dev.apigw.security.throttle.RateLimitFields.RATE_LIMIT;
import static dev.apigw.security.throttle.RateLimitFields.RATE_LIMIT_POLICY;
import static dev.apigw.security.throttle.RateLimitFields.RETRY_AFTER;

/**
 * What the throttle answers (CONTRACT §4): the RateLimit fields on an admitted request, 429 {@code throttled} or
 * {@code quota_exceeded} with {@code Retry-After}, and 503 {@code throttling_unavailable}.
 *
 * <p>The global limit is never described to clients: its remaining tokens would tell every client how busy the whole
 * API is (draft-ietf-httpapi-ratelimit-headers-11 §8.2). When it refuses, the 429 names it without its figures.
 */
final class ThrottleAnswers {

    private static final Decision UNAVAILABLE = Decision.reject(Problem.of(503, "throttling_unavailable",
                    "Rate limits cannot be checked right now; retry after the time in Retry-After.")
            .withHeader(RETRY_AFTER, "1"));

    Decision allowed(ThrottleControl.Check[] checks, ConsumptionProbe[] probes, int n,
                     ThrottleControl.QuotaCheck quota, ConsumptionProbe quotaProbe) {
        StringBuilder limits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Limit l = checks[i].limit();
            if (l.policy() != null) {
                RateLimitFields.append(limits, RateLimitFields.item(l.policy(), "r", probes[i].getRemainingTokens(),
                        "t", RateLimitFields.seconds(probes[i].getNanosToWaitForReset())));
            }
        }
        if (quota != null) {
            RateLimitFields.append(limits, RateLimitFields.item("quota", "r", quotaProbe.getRemainingTokens(), "t",
                    RateLimitFields.retryAfter(Duration.between(quota.now(), quota.window().end()))));
        }
        if (limits.length() == 0) {
            return Decision.proceed();
        }
        return Decision.proceed().withResponseHeader(RATE_LIMIT_POLICY, policies(checks, n, quota))
                .withResponseHeader(RATE_LIMIT, limits.toString());
    }

    Decision throttled(ThrottleControl.Check[] checks, int n, ThrottleControl.QuotaCheck quota,
                       ThrottleControl.Check refusing, ConsumptionProbe probe) {
        long retry = RateLimitFields.retryAfter(probe.getNanosToWaitForRefill());
        String name = refusing.limit().policy() == null ? "global" : refusing.limit().policy();
        Problem p = Problem.of(429, "throttled", "Too many requests; retry after the number of seconds in"
                + " Retry-After.");
        return refuse(p, checks, n, quota, name, retry, "limit " + refusing.key().limit() + " refused "
                + refusing.key().client());
    }

    Decision quotaExceeded(ThrottleControl.Check[] checks, int n, ThrottleControl.QuotaCheck quota) {
        long retry = RateLimitFields.retryAfter(Duration.between(quota.now(), quota.window().end()));
        Problem p = Problem.of(429, "quota_exceeded", "The usage plan's quota for this period is used up; it resets"
                + " after the number of seconds in Retry-After.");
        return refuse(p, checks, n, quota, "quota", retry, "quota " + quota.key().limit() + " used up by "
                + quota.key().client());
    }

    static Decision unavailable() {
        return UNAVAILABLE;
    }

    private Decision refuse(Problem problem, ThrottleControl.Check[] checks, int n, ThrottleControl.QuotaCheck quota,
                            String policy, long retry, String note) {
        Problem p = problem.withHeader(RETRY_AFTER, Long.toString(retry))
                .withHeader(RATE_LIMIT, RateLimitFields.item(policy, "r", 0, "t", retry))
                .withInternalNote(note);
        String policies = policies(checks, n, quota);
        return Decision.reject(policies.isEmpty() ? p : p.withHeader(RATE_LIMIT_POLICY, policies));
    }

    private static String policies(ThrottleControl.Check[] checks, int n, ThrottleControl.QuotaCheck quota) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (checks[i].limit().policyItem() != null) {
                RateLimitFields.append(list, checks[i].limit().policyItem());
            }
        }
        if (quota != null) {
            RateLimitFields.append(list, RateLimitFields.item("quota", "q", quota.quota().limit(), "w",
                    quota.window().length().toSeconds()));
        }
        return list.toString();
    }
}
