package dev.apigw.security.throttle;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.util.function.Supplier;

/**
 * The brute-force lockout around a route's authentication: it runs before authentication (CONTRACT §2), refusing a
 * locked-out client address with 429 {@code locked_out} whatever credentials it sends, and learns the outcome after
 * it, counting each 401 {@code invalid_credentials} against the address.
 *
 * <p>Wrapping the authentication control keeps the hook servlet-free and needs nothing from the chain. Only a
 * credential that was sent and failed counts: 401 {@code unauthenticated} (nothing sent) is what every client gets
 * before it logs in, not a guess. A success does not clear the count, because many clients can share an address.
 *
 * <p>Two buckets per address, in the store's {@link BucketKey.Space#LOCKOUT} space: failures in a bucket of
 * {@code maxFailures} refilled over {@code window}, and the lock, a bucket of one token refilled over
 * {@code lockout}. The failure that empties the first takes the lock's token, and the address stays locked until it
 * comes back. Checking the lock only peeks, so that requests from addresses that never failed cost no memory.
 */
public final class LockoutControl implements SecurityControl {

    private static final String INVALID_CREDENTIALS = "invalid_credentials";

    private final SecurityControl authentication;
    private final BucketStore store;
    private final StoreSettings.OnFailure onFailure;
    private final Supplier<BucketConfiguration> failures;
    private final Supplier<BucketConfiguration> lock;

    LockoutControl(SecurityControl authentication, BruteForcePolicy policy, BucketStore store,
                   StoreSettings.OnFailure onFailure) {
        this.authentication = authentication;
        this.store = store;
        this.onFailure = onFailure;
        BucketConfiguration failureBucket = BucketConfiguration.builder().addLimit(l -> l.capacity(policy.maxFailures())
                .refillGreedy(policy.maxFailures(), policy.window())).build();
        BucketConfiguration lockBucket = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1).refillGreedy(1, policy.lockout())).build();
        this.failures = () -> failureBucket;
        this.lock = () -> lockBucket;
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        String address = ClientKeys.address(exchange.clientAddress());
        BucketKey lockKey = new BucketKey(BucketKey.Space.LOCKOUT, "lockout", address);
        try {
            EstimationProbe locked = store.peek(lockKey, lock);
            if (locked != null && !locked.canBeConsumed()) {
                return lockedOut(locked.getNanosToWaitForRefill(), address);
            }
        } catch (StoreUnavailableException e) {
            if (onFailure == StoreSettings.OnFailure.DENY) {
                return ThrottleAnswers.unavailable();
            }
        }
        Decision decision = authentication.decide(exchange);
        if (decision instanceof Decision.Reject r && INVALID_CREDENTIALS.equals(r.problem().reason())) {
            recordFailure(address, lockKey);
        }
        return decision;
    }

    private void recordFailure(String address, BucketKey lockKey) {
        try {
            ConsumptionProbe f = store.tryConsume(new BucketKey(BucketKey.Space.LOCKOUT, "failures", address),
                    failures);
            if (!f.isConsumed() || f.getRemainingTokens() == 0) {
                store.tryConsume(lockKey, lock);
            }
        } catch (StoreUnavailableException e) {
            // Under onFailure allow or deny a failure that cannot be recorded is not counted; the 401 stands.
        }
    }

    private static Decision lockedOut(long nanos, String address) {
        return Decision.reject(Problem.of(429, "locked_out", "Too many failed authentications from this address;"
                        + " retry after the number of seconds in Retry-After.")
                .withHeader(RateLimitFields.RETRY_AFTER, Long.toString(RateLimitFields.retryAfter(nanos)))
                .withInternalNote("address " + address + " is locked out"));
    }
}
