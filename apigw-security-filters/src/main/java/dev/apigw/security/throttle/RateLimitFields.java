package dev.apigw.security.throttle;

import java.time.Duration;

/**
 * Writes the {@code RateLimit} and {@code RateLimit-Policy} fields of draft-ietf-httpapi-ratelimit-headers-11 (23 May
 * 2026), and {@code Retry-After}.
 *
 * <p>Both fields are Structured Field lists (RFC 9651) of items whose value is the policy name as a String:
 * {@code RateLimit-Policy: "route";q=40;w=2} (§3.1: {@code q} the quota, {@code w} the window in seconds) and
 * {@code RateLimit: "route";r=39;t=1} (§4.1: {@code r} what is available, {@code t} the effective window in seconds).
 * For a token bucket, {@code q} is the burst and {@code w} the whole seconds it takes to refill from empty, so
 * {@code q/w} is the rate; {@code t} is the time until the bucket is full again. A refused request carries only the
 * refusing policy with {@code r=0} and {@code t} equal to {@code Retry-After}, because §6 says {@code Retry-After}
 * should not point earlier than the end of the effective window. Policy names are fixed words of ours, never client
 * input, so they need no escaping.
 */
final class RateLimitFields {

    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String RETRY_AFTER = "Retry-After";

    private RateLimitFields() {
    }

    /** One list item: {@code "name";k1=v1;k2=v2}. */
    static String item(String name, String k1, long v1, String k2, long v2) {
        return "\"" + name + "\";" + k1 + "=" + v1 + ";" + k2 + "=" + v2;
    }

    /** Whole seconds, rounded up: the {@code t} of a bucket (0 once it is full). */
    static long seconds(long nanos) {
        return nanos <= 0 ? 0 : nanos / 1_000_000_000L + (nanos % 1_000_000_000L == 0 ? 0 : 1);
    }

    /** Whole seconds for {@code Retry-After}: rounded up and at least 1 (RFC 9110 §10.2.3 delay-seconds). */
    static long retryAfter(long nanos) {
        return Math.max(1, seconds(nanos));
    }

    /** Whole seconds for {@code Retry-After} until an instant, at least 1. */
    static long retryAfter(Duration until) {
        return retryAfter(until.isNegative() ? 0 : saturatedNanos(until));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** Appends {@code item} to a list field being built. */
    static StringBuilder append(StringBuilder list, String item) {
        return (list.length() == 0 ? list : list.append(", ")).append(item);
    }
}
