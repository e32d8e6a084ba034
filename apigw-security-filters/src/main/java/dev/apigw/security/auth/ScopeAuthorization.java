package dev.apigw.security.auth;

import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A route's authorization by scopes and groups: every required scope must have been granted exactly (no prefix,
 * wildcard or case folding), and every required group must be one of the identity's roles.
 *
 * <p>A missing one answers 403 {@code insufficient_scope} with {@code WWW-Authenticate: Bearer
 * error="insufficient_scope", scope="..."} listing the route's required scopes (RFC 6750 §3, §3.1). The anonymous
 * identity never satisfies a requirement, so a route that needs scopes stays closed even if it was misconfigured as
 * public. Groups are matched as roles ({@link Identity#hasRole}) because a configuration may read group claims such
 * as {@code cognito:groups} as scopes.
 */
public final class ScopeAuthorization implements SecurityControl {

    private final Set<String> scopes;
    private final Set<String> groups;
    private final Decision.Reject refusal;

    /**
     * @param scopes the scopes a request needs, all of them; each an RFC 6749 §3.3 scope token
     * @param groups the groups a request needs, all of them
     */
    public ScopeAuthorization(Collection<String> scopes, Collection<String> groups) {
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        this.groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        this.scopes.forEach(ScopeAuthorization::checkScope);
        this.groups.forEach(ScopeAuthorization::checkGroup);
        this.refusal = Decision.reject(Problem.of(403, "insufficient_scope",
                        "The access token does not grant what this request needs")
                .withHeader("WWW-Authenticate", challenge(this.scopes)));
    }

    /** An authorization that needs these scopes and no group. */
    public static ScopeAuthorization scopes(String... scopes) {
        return new ScopeAuthorization(List.of(scopes), List.of());
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        if (scopes.isEmpty() && groups.isEmpty()) {
            return Decision.proceed();
        }
        Identity identity = exchange.identity();
        if (identity == null || identity.isAnonymous()) {
            return refusal;
        }
        List<String> missingScopes = scopes.stream().filter(s -> !identity.scopes().contains(s)).toList();
        List<String> missingGroups = groups.stream().filter(g -> !identity.hasRole(g)).toList();
        if (missingScopes.isEmpty() && missingGroups.isEmpty()) {
            return Decision.proceed();
        }
        return Decision.reject(refusal.problem().withInternalNote("missing scopes " + missingScopes
                + ", missing groups " + missingGroups));
    }

    private static String challenge(Set<String> scopes) {
        String header = "Bearer error=\"insufficient_scope\"";
        // Scope tokens cannot hold a quote, backslash or space (checkScope), so plain quoting is safe.
        return scopes.isEmpty() ? header : header + ", scope=\"" + String.join(" ", scopes) + "\"";
    }

    private static void checkScope(String scope) {
        if (scope == null || scope.isEmpty() || !scope.chars().allMatch(ScopeAuthorization::isScopeChar)) {
            throw new IllegalArgumentException("a required scope must be visible ASCII without spaces, quotes or"
                    + " backslashes (RFC 6749 §3.3), e.g. pets:read; not \"" + scope + "\"");
        }
    }

    private static void checkGroup(String group) {
        if (group == null || group.isBlank() || group.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a required group must be a non-blank name without control"
                    + " characters, not \"" + group + "\"");
        }
    }

    // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static boolean isScopeChar(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }
}
