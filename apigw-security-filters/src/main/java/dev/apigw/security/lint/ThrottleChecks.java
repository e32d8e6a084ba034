package dev.apigw.security.lint;

import dev.apigw.security.lint.Routes.Route;
import tools.jackson.databind.JsonNode;

/** The rules about limits: flooding, and guessing credentials. */
final class ThrottleChecks {

    private ThrottleChecks() {
    }

    static void noThrottling(Subject s, Hits hits) {
        JsonNode t = s.at("/throttling");
        boolean limits = t.has("global") || t.has("anonymous") || t.has("perPrincipal")
                || s.at("/usagePlans").size() > 0 || s.at("/defaults").has("throttle")
                || Routes.of(s).stream().anyMatch(Route::throttled);
        if (!limits) {
            hits.add(t.isMissingNode() ? "" : "/throttling", "no rate limit anywhere: not global, per client, per"
                    + " principal, per usage plan or per route");
        }
    }

    static void publicRouteUnthrottled(Subject s, Hits hits) {
        if (s.at("/throttling").has("anonymous")) {
            return;
        }
        for (Route r : Routes.of(s)) {
            if (r.isPublic() && !r.throttled()) {
                hits.add(r.pointer(), "public route " + r.path() + " has no limit (no throttling.anonymous and no"
                        + " route throttle)");
            }
        }
    }

    static void noBruteForceLockout(Subject s, Hits hits) {
        if (!s.at("/throttling").has("bruteForce") && Routes.anyAuthenticated(s)) {
            hits.add(s.at("/throttling").isMissingNode() ? "" : "/throttling",
                    "no throttling.bruteForce: a client may fail authentication without end");
        }
    }
}
