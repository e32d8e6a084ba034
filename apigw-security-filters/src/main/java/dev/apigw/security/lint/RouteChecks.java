package dev.apigw.security.lint;

import dev.apigw.security.lint.Routes.Route;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules about public routes: what a client without credentials can reach. */
final class RouteChecks {

    /** Path words that name operations, debugging or configuration rather than the API's resources. */
    private static final Set<String> ADMIN_WORDS = Set.of("admin", "administration", "administrator", "internal",
            "debug", "actuator", "manage", "management", "config", "configuration", "metrics", "prometheus", "env",
            "console", "private", "jmx", "jolokia", "heapdump", "threaddump", "shutdown", "ops", "system", "backoffice");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private RouteChecks() {
    }

    static void publicAdminRoute(Subject s, Hits hits) {
        for (Route r : Routes.of(s)) {
            String word = adminWord(r.path());
            if (r.isPublic() && word != null) {
                hits.add(r.pointer(), "public route " + r.path() + " looks administrative (\"" + word + "\")");
            }
        }
    }

    static void publicWriteRoute(Subject s, Hits hits) {
        for (Route r : Routes.of(s)) {
            List<String> writes = r.methods().stream().filter(WRITES::contains).toList();
            if (r.isPublic() && !writes.isEmpty()) {
                hits.add(r.pointer(), "public route " + r.path() + " accepts " + String.join(", ", writes)
                        + " without authentication");
            }
        }
    }

    static void publicAnyMethod(Subject s, Hits hits) {
        for (Route r : Routes.of(s)) {
            if (r.isPublic() && r.methods().isEmpty()) {
                hits.add(r.pointer(), "public route " + r.path() + " lists no methods, so it accepts POST, PUT,"
                        + " PATCH and DELETE without authentication too");
            }
        }
    }

    static void publicByDefault(Subject s, Hits hits) {
        if (Routes.isNone(s.at("/defaults/auth"))) {
            hits.add("/defaults/auth", "defaults.auth is none: every route without auth, and every request that"
                    + " matches no route, needs no credentials");
        }
        for (Route r : Routes.of(s)) {
            if (r.isPublic() && r.path().equals("/**")) {
                hits.add(r.pointer(), "public route /** makes every path public");
            }
        }
    }

    /** The administrative word among the path's segments (or their -, _ or . separated parts), else null. */
    static String adminWord(String path) {
        for (String segment : path.toLowerCase(Locale.ROOT).split("/")) {
            for (String part : segment.split("[-_.]")) {
                if (ADMIN_WORDS.contains(part) || part.startsWith("admin")) {
                    return part;
                }
            }
        }
        return null;
    }
}
