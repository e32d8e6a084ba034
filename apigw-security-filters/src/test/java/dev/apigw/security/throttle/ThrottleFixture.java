package dev.apigw.security.throttle;

import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;

import java.util.Map;

/** Builds throttles on a local store and a clock that only the test moves, and reads their answers. */
final class ThrottleFixture {

    static final String START = "2026-11-24T10:00:00Z";

    final MutableClock clock = MutableClock.at(START);
    final Throttling throttling;

    ThrottleFixture(ThrottleSettings settings) {
        this(settings, null);
    }

    ThrottleFixture(ThrottleSettings settings, BucketStore store) {
        this.throttling = new Throttling(settings, store != null ? store : new LocalBucketStore(10_000, clock), clock);
    }

    SecurityControl route(RateLimit limit) {
        return throttling.control("GET /pets", limit);
    }

    static FakeExchange anonymous(String address) {
        return FakeExchange.of(FakeRequest.get("/pets").peer(address).build());
    }

    static FakeExchange principal(String name) {
        return anonymous("192.0.2.10").withIdentity(Identity.builder(name, "jwt").build());
    }

    static FakeExchange apiKey(String keyId, String plan) {
        return anonymous("192.0.2.10").withIdentity(Identity.builder("partner-" + keyId, "apiKey")
                .apiKeyId(keyId).plan(plan).build());
    }

    /** Headers of an admitted request, or of a refusal's problem. */
    static Map<String, String> headers(Decision d) {
        if (d instanceof Decision.Reject r) {
            return r.problem().headers();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        ((Decision.Proceed) d).responseHeaders().forEach(h -> out.put(h.name(), h.value()));
        return out;
    }

    static String reason(Decision d) {
        return d instanceof Decision.Reject r ? r.problem().reason() : "proceed";
    }
}
