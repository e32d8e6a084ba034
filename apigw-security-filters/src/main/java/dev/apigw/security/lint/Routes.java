package dev.apigw.security.lint;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes of a configuration as the rules see them: each with the auth it really gets (its own, else
 * {@code defaults.auth}) and whether a route limit applies (its own {@code throttle}, else {@code defaults.throttle}).
 */
final class Routes {

    private Routes() {
    }

    /**
     * One route.
     *
     * @param pointer   the route's pointer, e.g. {@code /routes/2}
     * @param path      its path template
     * @param isPublic  whether its auth (or the default's) is {@code none}
     * @param methods   the methods it lists; empty when it lists none, which means every method
     * @param throttled whether a route limit applies
     */
    record Route(String pointer, String path, boolean isPublic, List<String> methods, boolean throttled) {
    }

    static List<Route> of(Subject s) {
        JsonNode defaults = s.at("/defaults");
        List<Route> out = new ArrayList<>();
        JsonNode routes = s.at("/routes");
        for (int i = 0; i < routes.size(); i++) {
            JsonNode r = routes.get(i);
            JsonNode auth = r.has("auth") ? r.get("auth") : defaults.path("auth");
            List<String> methods = new ArrayList<>();
            r.path("methods").forEach(m -> methods.add(m.asString()));
            boolean throttled = r.has("throttle") || defaults.has("throttle");
            out.add(new Route("/routes/" + i, r.path("path").asString(), isNone(auth), methods, throttled));
        }
        return out;
    }

    /** Whether the routes include at least one that needs authentication, or unmatched requests do. */
    static boolean anyAuthenticated(Subject s) {
        JsonNode defaultAuth = s.at("/defaults/auth");
        return defaultAuth.isArray() || of(s).stream().anyMatch(r -> !r.isPublic());
    }

    static boolean isNone(JsonNode auth) {
        return auth.isString() && auth.stringValue().equals("none");
    }
}
