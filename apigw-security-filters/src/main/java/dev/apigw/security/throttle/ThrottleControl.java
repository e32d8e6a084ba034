package dev.apigw.security.throttle;

import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Throttling and quotas for one route, after authorization (CONTRACT §2): every limit that applies to the request
 * is checked, narrowest first, and the request counts against all of them or none.
 *
 * <p>Which limits apply: the route's {@code throttle} per client (the principal if authenticated, else the address);
 * then the usage plan's rate per API key where the identity has a configured plan, else {@code perPrincipal} for an
 * authenticated principal, else {@code anonymous} per address on a public route; then {@code global}; last the
 * plan's quota.
 *
 * <p>Consume and refund: each limit takes its token atomically in turn; when one refuses, the tokens already taken
 * are given back. Check-then-consume would need the same refund anyway, because another request can take the last
 * token between the check and the take. So no limit ever admits more than it allows; the price is that, for the
 * instant between take and refund, a concurrent request may see one token fewer and be refused (never admitted).
 * Narrow limits run first so that a client over its own limit never spends the shared global tokens, and the quota
 * runs last so that it is never refunded.
 */
public final class ThrottleControl implements SecurityControl {

    private final Throttling throttling;
    private final Limit route;
    private final ThrottleAnswers answers = new ThrottleAnswers();

    ThrottleControl(Throttling throttling, Limit route) {
        this.throttling = throttling;
        this.route = route;
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        Identity id = exchange.identity();
        boolean anonymous = id == null || id.isAnonymous();
        String client = anonymous ? ClientKeys.address(exchange.clientAddress()) : ClientKeys.principal(id);
        BucketKey.Space space = anonymous ? BucketKey.Space.ADDRESS : BucketKey.Space.IDENTITY;
        Throttling.Plan plan = anonymous ? null : throttling.plan(id.plan());
        Check[] checks = new Check[3];
        int n = 0;
        if (route != null) {
            checks[n++] = new Check(route, new BucketKey(space, route.id(), client));
        }
        Limit own = anonymous ? throttling.anonymous() : plan != null ? plan.rate() : throttling.perPrincipal();
        if (own != null) {
            checks[n++] = new Check(own, new BucketKey(space, own.id(), plan != null ? ClientKeys.apiKey(id) : client));
        }
        if (throttling.global() != null) {
            checks[n++] = new Check(throttling.global(), new BucketKey(BucketKey.Space.IDENTITY, "global", "*"));
        }
        QuotaCheck quota = plan == null || plan.quota() == null ? null
                : QuotaCheck.of(plan, ClientKeys.apiKey(id), throttling.clock().instant());
        if (n == 0 && quota == null) {
            return Decision.proceed();
        }
        return run(checks, n, quota);
    }

    private Decision run(Check[] checks, int n, QuotaCheck quota) {
        BucketStore store = throttling.store();
        ConsumptionProbe[] probes = new ConsumptionProbe[n];
        int taken = 0;
        try {
            for (; taken < n; taken++) {
                ConsumptionProbe p = store.tryConsume(checks[taken].key(), checks[taken].limit());
                if (!p.isConsumed()) {
                    refund(checks, taken);
                    return answers.throttled(checks, n, quota, checks[taken], p);
                }
                probes[taken] = p;
            }
            if (quota == null) {
                return answers.allowed(checks, probes, n, null, null);
            }
            ConsumptionProbe q = store.tryConsume(quota.key(), quota);
            if (!q.isConsumed()) {
                refund(checks, n);
                return answers.quotaExceeded(checks, n, quota);
            }
            return answers.allowed(checks, probes, n, quota, q);
        } catch (StoreUnavailableException e) {
            refund(checks, taken);
            return throttling.onFailure() == StoreSettings.OnFailure.DENY ? ThrottleAnswers.unavailable() : Decision.proceed();
        }
    }

    private void refund(Check[] checks, int count) {
        for (int i = 0; i < count; i++) {
            try {
                throttling.store().refund(checks[i].key(), checks[i].limit());
            } catch (StoreUnavailableException e) {
                // The token stays spent: the limit errs on the strict side and the store's failover has logged it.
            }
        }
    }

    /**
     * One limit to take a token from, and the bucket it takes it from.
     *
     * @param limit the limit
     * @param key   the client's bucket of that limit
     */
    record Check(Limit limit, BucketKey key) {
    }

    /**
     * The quota of one API key in the current period.
     *
     * @param quota  the plan's quota
     * @param window the period that contains now
     * @param key    the bucket of that key and period
     * @param now    the time of the request, from the injected clock
     */
    record QuotaCheck(Quota quota, Quota.Window window, BucketKey key, Instant now)
            implements Supplier<BucketConfiguration> {

        static QuotaCheck of(Throttling.Plan plan, String client, Instant now) {
            Quota.Window w = plan.quota().window(now);
            return new QuotaCheck(plan.quota(), w,
                    new BucketKey(BucketKey.Space.IDENTITY, "quota." + plan.name() + "." + w.id(), client), now);
        }

        @Override
        public BucketConfiguration get() {
            return quota.bucket(window);
        }
    }
}
