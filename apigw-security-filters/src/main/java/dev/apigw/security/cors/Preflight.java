package dev.apigw.security.cors;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to a CORS preflight from an allowed origin (Fetch §3.2.3 "HTTP responses"; Private Network Access §3):
 * 204 with the grant when the method, every requested header and any private-network request are allowed, else 403
 * {@code cors_rejected} without any {@code Access-Control-Allow-*} header.
 *
 * <p>{@code Access-Control-Allow-Headers} lists the requested names (lower-cased, as Fetch sends them) rather than the
 * whole configured list: a browser checks each one, and echoing also makes {@code allowedHeaders: [*]} work with
 * credentials. {@code Access-Control-Allow-Private-Network: true} is sent only when the policy opts in and the
 * preflight asked for it.
 */
final class Preflight {

    static final String VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";
    /** More names than any real page asks for; a longer list is refused rather than compared. */
    static final int MAX_REQUESTED_HEADERS = 64;
    private static final Problem REFUSED = new Problem(403, "cors_rejected", "CORS request rejected",
            "This API does not allow this cross-origin request (its origin, method or headers).",
            Map.of("Vary", VARY), List.of(), null);

    private final CorsPolicy policy;
    private final String methods;
    private final String maxAge;

    Preflight(CorsPolicy policy) {
        this.policy = policy;
        this.methods = String.join(", ", policy.allowedMethods());
        this.maxAge = policy.maxAge() == null ? null : Long.toString(policy.maxAge().toSeconds());
    }

    static Decision refuse(String note) {
        return Decision.reject(REFUSED.withInternalNote(note));
    }

    /** Decides a preflight whose {@code Origin} is allowed. */
    Decision decide(RequestView request, String origin) {
        List<String> method = request.headers(CorsControl.REQUEST_METHOD);
        String m = method.get(0);
        if (method.size() != 1 || !HttpToken.isToken(m, 0, m.length())) {
            return refuse("malformed Access-Control-Request-Method");
        }
        if (!policy.allowsMethod(m)) {
            return refuse("requested method " + m + " is not in allowedMethods");
        }
        List<String> headers = requestedHeaders(request.headers("Access-Control-Request-Headers"));
        if (headers == null) {
            return refuse("malformed or overlong Access-Control-Request-Headers");
        }
        for (String h : headers) {
            if (!policy.allowsHeader(h)) {
                return refuse("requested header " + h + " is not in allowedHeaders");
            }
        }
        boolean privateNetwork = "true".equals(request.header("Access-Control-Request-Private-Network"));
        if (privateNetwork && !policy.allowPrivateNetwork()) {
            return refuse("private network access was requested and allowPrivateNetwork is off");
        }
        return Decision.respond(204, grant(origin, headers, privateNetwork));
    }

    private List<Decision.Header> grant(String origin, List<String> headers, boolean privateNetwork) {
        List<Decision.Header> out = new ArrayList<>(8);
        out.add(new Decision.Header("Access-Control-Allow-Origin", origin));
        out.add(new Decision.Header("Access-Control-Allow-Methods", methods));
        if (!headers.isEmpty()) {
            out.add(new Decision.Header("Access-Control-Allow-Headers", String.join(", ", headers)));
        }
        if (maxAge != null) {
            out.add(new Decision.Header("Access-Control-Max-Age", maxAge));
        }
        if (policy.allowCredentials()) {
            out.add(new Decision.Header("Access-Control-Allow-Credentials", "true"));
        }
        if (privateNetwork) {
            out.add(new Decision.Header("Access-Control-Allow-Private-Network", "true"));
        }
        out.add(new Decision.Header("Vary", VARY));
        return out;
    }

    /**
     * The comma-separated names of every {@code Access-Control-Request-Headers} field, lower-cased; empty elements
     * are skipped (RFC 9110 §5.6.1), and {@code null} when a name is not a token or there are too many.
     */
    static List<String> requestedHeaders(List<String> fields) {
        List<String> names = new ArrayList<>();
        for (String field : fields) {
            int start = 0;
            while (start <= field.length()) {
                int comma = field.indexOf(',', start);
                int end = comma < 0 ? field.length() : comma;
                int from = skipSpace(field, start, end);
                int to = end;
                while (to > from && (field.charAt(to - 1) == ' ' || field.charAt(to - 1) == '\t')) {
                    to--;
                }
                if (from < to) {
                    if (!HttpToken.isToken(field, from, to) || names.size() == MAX_REQUESTED_HEADERS) {
                        return null;
                    }
                    names.add(field.substring(from, to).toLowerCase(Locale.ROOT));
                }
                start = end + 1;
            }
        }
        return names;
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }
}
