package dev.apigw.security.throttle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code throttling} and {@code usagePlans} sections: the limits that apply beside each route's own
 * {@code throttle}, the usage plans, where buckets live and the brute-force lockout. Immutable; absent limits are
 * {@code null}.
 */
public final class ThrottleSettings {

    /** No limit, no plan, no lockout: throttling off. */
    public static final ThrottleSettings NONE = builder().build();

    private final RateLimit global;
    private final RateLimit anonymous;
    private final RateLimit perPrincipal;
    private final Map<String, UsagePlan> plans;
    private final StoreSettings store;
    private final BruteForcePolicy bruteForce;

    private ThrottleSettings(Builder b) {
        this.global = b.global;
        this.anonymous = b.anonymous;
        this.perPrincipal = b.perPrincipal;
        this.plans = Map.copyOf(b.plans);
        this.store = b.store;
        this.bruteForce = b.bruteForce;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The limit of the whole API, all clients together, or {@code null}. */
    public RateLimit global() {
        return global;
    }

    /** The limit per client address on public routes ({@code auth: none}), or {@code null}. */
    public RateLimit anonymous() {
        return anonymous;
    }

    /** The limit per authenticated principal without a usage plan, or {@code null}. */
    public RateLimit perPrincipal() {
        return perPrincipal;
    }

    /** The usage plans by name. */
    public Map<String, UsagePlan> plans() {
        return plans;
    }

    /** Where the buckets live. */
    public StoreSettings store() {
        return store;
    }

    /** The brute-force lockout, or {@code null}. */
    public BruteForcePolicy bruteForce() {
        return bruteForce;
    }

    /** Whether anything beside route limits is configured. */
    public boolean isEmpty() {
        return global == null && anonymous == null && perPrincipal == null && plans.isEmpty() && bruteForce == null;
    }

    /** Builds {@link ThrottleSettings}. */
    public static final class Builder {
        private RateLimit global;
        private RateLimit anonymous;
        private RateLimit perPrincipal;
        private final Map<String, UsagePlan> plans = new LinkedHashMap<>();
        private StoreSettings store = StoreSettings.LOCAL_DEFAULTS;
        private BruteForcePolicy bruteForce;

        private Builder() {
        }

        public Builder global(RateLimit limit) {
            this.global = limit;
            return this;
        }

        public Builder anonymous(RateLimit limit) {
            this.anonymous = limit;
            return this;
        }

        public Builder perPrincipal(RateLimit limit) {
            this.perPrincipal = limit;
            return this;
        }

        /** Adds a usage plan; two plans cannot share a name. */
        public Builder plan(UsagePlan plan) {
            if (plans.putIfAbsent(plan.name(), plan) != null) {
                throw new IllegalArgumentException("two usage plans are named \"" + plan.name() + "\"");
            }
            return this;
        }

        public Builder store(StoreSettings settings) {
            this.store = Objects.requireNonNull(settings, "store");
            return this;
        }

        public Builder bruteForce(BruteForcePolicy policy) {
            this.bruteForce = policy;
            return this;
        }

        public ThrottleSettings build() {
            return new ThrottleSettings(this);
        }
    }
}
