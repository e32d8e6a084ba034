package dev.apigw.security.throttle;

import dev.apigw.security.SecurityControl;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The throttling of one security chain as it runs: the store (opened once), the clock and the limits every route
 * shares; it hands out each route's {@link ThrottleControl} and wraps authentication in the {@link LockoutControl}.
 * Closing it closes the store.
 */
public final class Throttling implements AutoCloseable {

    /** How long requests leave a failed shared store alone before one of them probes it again. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final ThrottleSettings settings;
    private final BucketStore store;
    private final Clock clock;
    private final Limit global;
    private final Limit anonymous;
    private final Limit perPrincipal;
    private final Map<String, Plan> plans = new LinkedHashMap<>();

    Throttling(ThrottleSettings settings, BucketStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.global = Limit.of("global", null, settings.global());
        this.anonymous = Limit.of("anonymous", "anonymous", settings.anonymous());
        this.perPrincipal = Limit.of("principal", "principal", settings.perPrincipal());
        settings.plans().forEach((name, p) -> plans.put(name, new Plan(name,
                Limit.of("plan." + name, "plan", p.rate()), p.quota())));
    }

    /**
     * Opens the configured store and starts the throttling.
     *
     * @throws IllegalStateException where the store type's module is not on the class path
     */
    public static Throttling start(ThrottleSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        return new Throttling(settings, open(settings.store(), clock), clock);
    }

    /** The store a configuration names: the local store, or a shared one behind its failover. */
    static BucketStore open(StoreSettings s, Clock clock) {
        if (s.local()) {
            return new LocalBucketStore(s.maxKeys(), clock);
        }
        BucketStoreFactory factory = BucketStoreFactory.find(s.type()).orElseThrow(() -> new IllegalStateException(
                "throttling.store.type " + s.type() + " needs its module on the class path (for redis: the artifact"
                        + " dev.apigw:apigw-security-redis)"));
        BucketStore fallback = s.onFailure() == StoreSettings.OnFailure.LOCAL
                ? new LocalBucketStore(s.maxKeys(), clock) : null;
        return new FailoverBucketStore(factory.open(s, clock), fallback, "the " + s.type() + " throttling store",
                RETRY_INTERVAL, System::nanoTime);
    }

    /**
     * The throttle of one route, or {@code null} where no limit applies to it.
     *
     * @param routeId    names the route in store keys, e.g. {@code GET /pets}
     * @param routeLimit the route's own {@code throttle}, or {@code null}
     */
    public SecurityControl control(String routeId, RateLimit routeLimit) {
        if (routeLimit == null && global == null && anonymous == null && perPrincipal == null && plans.isEmpty()) {
            return null;
        }
        return new ThrottleControl(this, Limit.of("route." + routeId, "route", routeLimit));
    }

    /** Authentication guarded by the brute-force lockout, or the authentication itself where there is none. */
    public SecurityControl lockout(SecurityControl authentication) {
        BruteForcePolicy policy = settings.bruteForce();
        return policy == null ? authentication : new LockoutControl(authentication, policy, store,
                settings.store().onFailure());
    }

    BucketStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    StoreSettings.OnFailure onFailure() {
        return settings.store().onFailure();
    }

    Limit global() {
        return global;
    }

    Limit anonymous() {
        return anonymous;
    }

    Limit perPrincipal() {
        return perPrincipal;
    }

    /** The plan of that name, or {@code null} where the configuration has none. */
    Plan plan(String name) {
        return name == null ? null : plans.get(name);
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * A usage plan as it runs.
     *
     * @param name  the plan's name
     * @param rate  its rate limit per API key, or {@code null}
     * @param quota its quota per API key, or {@code null}
     */
    record Plan(String name, Limit rate, Quota quota) {
    }
}
