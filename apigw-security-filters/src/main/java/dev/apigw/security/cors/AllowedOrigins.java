package dev.apigw.security.cors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code allowedOrigins} of a policy, arranged for the request path: exact origins in a hash set of their
 * serialised form, wildcards in a short array, {@code *} and {@code null} as flags.
 *
 * <p>{@code *} never covers {@code null} (CONTRACT §4: {@code Origin: null} is refused unless listed), because the
 * opaque origin is what any site's sandboxed frame sends.
 */
final class AllowedOrigins {

    private final List<String> texts;
    private final Set<Origin> exact;
    private final OriginPattern[] wildcards;
    private final boolean any;
    private final boolean nullOrigin;

    AllowedOrigins(List<OriginPattern> patterns) {
        List<String> names = new ArrayList<>();
        Set<Origin> exactSet = new HashSet<>();
        List<OriginPattern> wild = new ArrayList<>();
        boolean anyOrigin = false;
        boolean opaque = false;
        for (OriginPattern p : patterns) {
            if (!names.contains(p.toString())) {
                names.add(p.toString());
            }
            anyOrigin |= p.isAny();
            opaque |= p.isNull();
            if (p.exact() != null) {
                exactSet.add(p.exact());
            } else if (p.isWildcard()) {
                wild.add(p);
            }
        }
        this.texts = List.copyOf(names);
        this.exact = Set.copyOf(exactSet);
        this.wildcards = wild.toArray(new OriginPattern[0]);
        this.any = anyOrigin;
        this.nullOrigin = opaque;
    }

    /** Whether a parsed (never {@code null}) origin is allowed. */
    boolean allows(Origin origin) {
        if (any || exact.contains(origin)) {
            return true;
        }
        for (OriginPattern w : wildcards) {
            if (w.matchesSubdomain(origin)) {
                return true;
            }
        }
        return false;
    }

    boolean allowsAny() {
        return any;
    }

    boolean allowsNull() {
        return nullOrigin;
    }

    /** The entries in canonical form, each once. */
    List<String> texts() {
        return texts;
    }
}
