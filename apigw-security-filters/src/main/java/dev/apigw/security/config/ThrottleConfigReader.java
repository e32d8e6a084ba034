package dev.apigw.security.config;

import dev.apigw.security.Secret;
import dev.apigw.security.throttle.BruteForcePolicy;
import dev.apigw.security.throttle.BucketStoreFactory;
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.throttle.StoreSettings;
import dev.apigw.security.throttle.ThrottleSettings;
import dev.apigw.security.throttle.UsagePlan;

import java.util.Locale;

/**
 * Maps {@code usagePlans}, {@code throttling} and a route's {@code throttle} onto {@link ThrottleSettings} and
 * {@link RateLimit}, each refusal at the pointer of its node.
 */
final class ThrottleConfigReader {

    private ThrottleConfigReader() {
    }

    /** The two sections, or {@link ThrottleSettings#NONE} where both are absent. */
    static ThrottleSettings read(ConfigNode root) {
        ConfigNode plans = root.get("usagePlans");
        ConfigNode throttling = root.get("throttling");
        if (!plans.present() && !throttling.present()) {
            return ThrottleSettings.NONE;
        }
        ThrottleSettings.Builder t = ThrottleSettings.builder();
        for (String name : plans.keys()) {
            t.plan(plan(plans.get(name), name));
        }
        if (throttling.get("global").present()) {
            t.global(rateLimit(throttling.get("global")));
        }
        if (throttling.get("anonymous").present()) {
            t.anonymous(rateLimit(throttling.get("anonymous")));
        }
        if (throttling.get("perPrincipal").present()) {
            t.perPrincipal(rateLimit(throttling.get("perPrincipal")));
        }
        if (throttling.get("store").present()) {
            t.store(store(throttling.get("store")));
        }
        if (throttling.get("bruteForce").present()) {
            t.bruteForce(bruteForce(throttling.get("bruteForce")));
        }
        return t.build();
    }

    /** {@code { rate: 10/s, burst: 20 }}; a missing burst is one period's worth of the rate. */
    static RateLimit rateLimit(ConfigNode n) {
        var rate = n.get("rate").parse(RateFormat::parse);
        ConfigNode burst = n.get("burst");
        return n.build(() -> burst.present() ? RateLimit.of(rate, burst.number()) : RateLimit.of(rate));
    }

    private static UsagePlan plan(ConfigNode n, String name) {
        RateLimit rate = null;
        if (n.get("rate").present()) {
            rate = rateLimit(n);
        } else if (n.get("burst").present()) {
            throw n.get("burst").error("a burst needs a rate beside it (e.g. rate: 5/s, burst: 10)");
        }
        var quota = n.get("quota").present() ? n.get("quota").parse(QuotaFormat::parse) : null;
        RateLimit r = rate;
        return n.build(() -> new UsagePlan(name, r, quota));
    }

    private static StoreSettings store(ConfigNode n) {
        ConfigNode type = n.get("type");
        String kind = type.text();
        if (!StoreSettings.LOCAL.equals(kind) && BucketStoreFactory.find(kind).isEmpty()) {
            throw type.error("a " + kind + " store needs the module dev.apigw:apigw-security-" + kind
                    + " on the class path (or write type: local)");
        }
        long maxKeys = n.get("maxKeys").present() ? n.get("maxKeys").number() : StoreSettings.DEFAULT_MAX_KEYS;
        Secret uri = n.get("uri").present() ? Secret.of(n.get("uri").text()) : null;
        StoreSettings.OnFailure onFailure = n.get("onFailure").present()
                ? StoreSettings.OnFailure.valueOf(n.get("onFailure").text().toUpperCase(Locale.ROOT))
                : StoreSettings.OnFailure.LOCAL;
        var timeout = n.get("timeout").present() ? n.get("timeout").duration() : StoreSettings.DEFAULT_TIMEOUT;
        return n.build(() -> new StoreSettings(kind, maxKeys, uri, onFailure, timeout));
    }

    private static BruteForcePolicy bruteForce(ConfigNode n) {
        BruteForcePolicy d = BruteForcePolicy.DEFAULTS;
        long maxFailures = n.get("maxFailures").present() ? n.get("maxFailures").number() : d.maxFailures();
        var window = n.get("window").present() ? n.get("window").duration() : d.window();
        var lockout = n.get("lockout").present() ? n.get("lockout").duration() : d.lockout();
        return n.build(() -> new BruteForcePolicy(maxFailures, window, lockout));
    }
}
