package dev.apigw.security.lint;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The rules about CORS: which web pages may read the API's answers with the user's browser. */
final class CorsChecks {

    private CorsChecks() {
    }

    static void anyOrigin(Subject s, Hits hits) {
        each(s, false, CorsOrigin::any, (pointer, o) -> hits.add(pointer, "allowedOrigins lists *: every web site"
                + " may read the answers"));
    }

    static void wideWildcard(Subject s, Hits hits) {
        each(s, false, CorsOrigin::tooWideWildcard, (pointer, o) -> hits.add(pointer, "origin " + o.text()
                + " lets anyone who can own a name under it read the answers"));
    }

    static void credentialsBroad(Subject s, Hits hits) {
        each(s, true, o -> o.any() || o.isNull() || o.tooWideWildcard() || o.plainHttp(),
                (pointer, o) -> hits.add(pointer, "allowCredentials with origin " + o.text() + ": pages it does not"
                        + " control can make requests with the user's cookies and read the answers"));
    }

    static void credentialsSubdomains(Subject s, Hits hits) {
        each(s, true, o -> o.wildcard() && !o.tooWideWildcard(),
                (pointer, o) -> hits.add(pointer, "allowCredentials with origin " + o.text() + ": every subdomain"
                        + " can make credentialed requests"));
    }

    private interface Report {
        void found(String pointer, CorsOrigin origin);
    }

    /** Calls {@code report} for each matching origin of each CORS block (global, defaults, routes). */
    private static void each(Subject s, boolean onlyWithCredentials, Predicate<CorsOrigin> match, Report report) {
        for (String block : blocks(s)) {
            JsonNode cors = s.at(block);
            if (onlyWithCredentials && !cors.path("allowCredentials").asBoolean(false)) {
                continue;
            }
            JsonNode origins = cors.path("allowedOrigins");
            for (int i = 0; i < origins.size(); i++) {
                String pointer = block + "/allowedOrigins/" + i;
                if (s.known(pointer) && origins.get(i).isString()) {
                    CorsOrigin origin = CorsOrigin.parse(origins.get(i).stringValue());
                    if (match.test(origin)) {
                        report.found(pointer, origin);
                    }
                }
            }
        }
    }

    private static List<String> blocks(Subject s) {
        List<String> out = new ArrayList<>(List.of("/cors", "/defaults/cors"));
        for (int i = 0; i < s.at("/routes").size(); i++) {
            out.add("/routes/" + i + "/cors");
        }
        out.removeIf(b -> !s.at(b).isObject());
        return out;
    }
}
