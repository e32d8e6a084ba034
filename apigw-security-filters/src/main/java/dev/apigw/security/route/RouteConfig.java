package dev.apigw.security.route;

import dev.apigw.security.cors.CorsPolicy;
import dev.apigw.security.ip.IpPolicy;
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.validate.ParameterRule;
import dev.apigw.security.validate.RouteValidation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the {@code routes} list: a path template, the methods it covers and the rules that apply to it.
 *
 * <p>Immutable. {@code auth} is {@code null} when the route leaves it to {@code defaults}; {@link #PUBLIC} is the
 * explicit {@code auth: none} that a public route must write.
 */
public final class RouteConfig {

    /** The {@code auth} value of a public route: {@code auth: none}. */
    public static final List<String> PUBLIC = List.of();

    private final String path;
    private final Set<String> methods;
    private final List<String> auth;
    private final Set<String> scopes;
    private final Set<String> groups;
    private final IpPolicy ipPolicy;
    private final CorsPolicy cors;
    private final RateLimit throttle;
    private final RouteValidation validate;
    private final Set<String> signatureExclusions;

    private RouteConfig(Builder b) {
        this.path = b.path;
        this.methods = Set.copyOf(b.methods);
        this.auth = b.auth;
        this.scopes = Set.copyOf(b.scopes);
        this.groups = Set.copyOf(b.groups);
        this.ipPolicy = b.ipPolicy;
        this.cors = b.cors;
        this.throttle = b.throttle;
        this.validate = b.validate;
        this.signatureExclusions = Set.copyOf(b.signatureExclusions);
    }

    /** Starts a route for a path template such as {@code /pets/{id}}. */
    public static Builder builder(String path) {
        return new Builder(path);
    }

    /** The path template. */
    public String path() {
        return path;
    }

    /** The methods covered; empty means every method. */
    public Set<String> methods() {
        return methods;
    }

    /** The authentication methods in the order tried, {@link #PUBLIC} for {@code auth: none}, or {@code null} to use the defaults. */
    public List<String> auth() {
        return auth;
    }

    /** Whether the route is explicitly public. */
    public boolean isPublic() {
        return auth != null && auth.isEmpty();
    }

    /** The scopes a caller must all hold. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The groups a caller must all belong to. */
    public Set<String> groups() {
        return groups;
    }

    /** The route's own IP policy, checked after the global one, or {@code null}. */
    public IpPolicy ipPolicy() {
        return ipPolicy;
    }

    /**
     * The route's own CORS policy, which replaces the global one for this route (lists are not merged: a route that
     * needs more origins lists all of them), or {@code null} to use the global one.
     */
    public CorsPolicy cors() {
        return cors;
    }

    /** The route's own rate limit per client, or {@code null}. */
    public RateLimit throttle() {
        return throttle;
    }

    /**
     * Names the route in throttle keys, the same on every instance: {@code GET,HEAD /pets} (methods sorted) or
     * {@code * /pets}.
     */
    public String id() {
        return (methods.isEmpty() ? "*" : String.join(",", new java.util.TreeSet<>(methods))) + " " + path;
    }

    /** Fields the attack signatures skip on this route. */
    public Set<String> signatureExclusions() {
        return signatureExclusions;
    }

    /** The route's {@code validate} block, or {@code null} to use the defaults' one. */
    public RouteValidation validate() {
        return validate;
    }

    /** This route with {@code auth} taken from the defaults where it has none of its own. */
    public RouteConfig withDefaultAuth(List<String> defaultAuth) {
        if (auth != null || defaultAuth == null) {
            return this;
        }
        Builder b = toBuilder();
        b.auth = List.copyOf(defaultAuth);
        return b.build();
    }

    private Builder toBuilder() {
        Builder b = new Builder(path);
        b.methods.addAll(methods);
        b.auth = auth;
        b.scopes.addAll(scopes);
        b.groups.addAll(groups);
        b.ipPolicy = ipPolicy;
        b.cors = cors;
        b.throttle = throttle;
        b.validate = validate;
        b.signatureExclusions.addAll(signatureExclusions);
        return b;
    }

    @Override
    public String toString() {
        return "Route[" + (methods.isEmpty() ? "*" : String.join(",", methods)) + " " + path + "]";
    }

    /** Builds a {@link RouteConfig}. */
    public static final class Builder {
        private final String path;
        private final Set<String> methods = new LinkedHashSet<>();
        private List<String> auth;
        private final Set<String> scopes = new LinkedHashSet<>();
        private final Set<String> groups = new LinkedHashSet<>();
        private IpPolicy ipPolicy;
        private CorsPolicy cors;
        private RateLimit throttle;
        private RouteValidation validate;
        private final Set<String> signatureExclusions = new LinkedHashSet<>();

        private Builder(String path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /** The methods this route covers (upper case, as HTTP writes them). */
        public Builder methods(String... values) {
            // Checked (token, upper case) when the route table is built.
            methods.addAll(List.of(values));
            return this;
        }

        /** The authentication methods, tried in this order. */
        public Builder auth(String... methodNames) {
            if (methodNames.length == 0) {
                throw new IllegalArgumentException("auth needs at least one method; write publicRoute() for auth: none");
            }
            this.auth = List.of(methodNames);
            return this;
        }

        /** Makes the route public ({@code auth: none}). */
        public Builder publicRoute() {
            this.auth = PUBLIC;
            return this;
        }

        /** Scopes a caller must all hold. */
        public Builder scopes(String... values) {
            scopes.addAll(List.of(values));
            return this;
        }

        /** Groups a caller must all belong to. */
        public Builder groups(String... values) {
            groups.addAll(List.of(values));
            return this;
        }

        /** The route's own IP policy. */
        public Builder ipPolicy(IpPolicy policy) {
            this.ipPolicy = policy;
            return this;
        }

        /** The route's own CORS policy, replacing the global one for this route. */
        public Builder cors(CorsPolicy policy) {
            this.cors = policy;
            return this;
        }

        /** The route's own rate limit, per client (the principal if authenticated, else the address). */
        public Builder throttle(RateLimit limit) {
            this.throttle = limit;
            return this;
        }

        /** Fields the attack signatures skip on this route (JSON pointers, parameter or header names). */
        public Builder signatureExclusions(java.util.Collection<String> fields) {
            signatureExclusions.addAll(fields);
            return this;
        }

        /** The route's {@code validate} block: media types, body schema, parameter rules. */
        public Builder validate(RouteValidation rules) {
            this.validate = rules;
            return this;
        }

        /** The immutable route; the template itself is checked when the route table is built. */
        public RouteConfig build() {
            if (validate != null) {
                List<String> names = PathTemplate.parse(path).parameterNames();
                for (ParameterRule rule : validate.path()) {
                    if (!names.contains(rule.name())) {
                        throw new IllegalArgumentException("route " + path + " validates the path parameter "
                                + rule.name() + ", which its template does not have (it has " + names + ")");
                    }
                }
            }
            if (auth != null && auth.isEmpty() && (!scopes.isEmpty() || !groups.isEmpty())) {
                throw new IllegalArgumentException(
                        "route " + path + " is public (auth: none) but requires scopes or groups; remove them or name an auth method");
            }
            return new RouteConfig(this);
        }
    }
}
