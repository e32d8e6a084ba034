package dev.apigw.security.throttle;

import io.github.bucket4j.BucketConfiguration;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A token-bucket limit with Amazon API Gateway's semantics: {@code rate} refills the bucket continuously and
 * {@code burst} is its size, so a client that was quiet may send {@code burst} requests at once and then
 * {@code rate} on average. Written {@code { rate: 10/s, burst: 20 }} in the configuration file.
 *
 * @param rate  how fast spent requests come back
 * @param burst the size of the bucket: how many requests may arrive at once, at least 1
 */
public record RateLimit(Rate rate, long burst) {

    public RateLimit {
        Objects.requireNonNull(rate, "rate");
        if (burst < 1) {
            throw new IllegalArgumentException("a burst needs at least 1 request, not " + burst);
        }
        // Bucket4j refills at most one token per nanosecond; beyond that the limit could not be enforced as written.
        if (rate.tokens() > rate.period().toNanos()) {
            throw new IllegalArgumentException(rate + " is more than one request per nanosecond, which no bucket can"
                    + " enforce; write a lower rate");
        }
    }

    /** A limit whose burst is one period's worth of the rate, what a missing {@code burst} means. */
    public static RateLimit of(Rate rate) {
        return new RateLimit(rate, rate.tokens());
    }

    /** A limit of {@code rate} with a bucket of {@code burst}. */
    public static RateLimit of(Rate rate, long burst) {
        return new RateLimit(rate, burst);
    }

    /** The Bucket4j configuration: capacity {@code burst}, greedy refill at {@code rate}. */
    public BucketConfiguration bucket() {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(rate.tokens(), rate.period()))
                .build();
    }

    /** Whole seconds (at least 1) the bucket takes to refill from empty: the {@code w} of RateLimit-Policy. */
    public long windowSeconds() {
        BigInteger nanos = BigInteger.valueOf(rate.period().toNanos()).multiply(BigInteger.valueOf(burst));
        BigInteger perSecond = BigInteger.valueOf(rate.tokens()).multiply(BigInteger.valueOf(1_000_000_000L));
        BigInteger[] qr = nanos.divideAndRemainder(perSecond);
        BigInteger seconds = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return Math.max(1, seconds.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
    }

    /** As the configuration file writes it. */
    @Override
    public String toString() {
        return "{ rate: " + rate + ", burst: " + burst + " }";
    }
}
