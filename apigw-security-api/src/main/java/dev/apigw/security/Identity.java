package dev.apigw.security;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who the request was authenticated as, and by what: the value the application receives as
 * {@code getUserPrincipal()}, through {@code isUserInRole} and as the request attribute {@link #ATTRIBUTE}.
 *
 * <p>Immutable. Roles are the union of scopes and groups, because API Gateway authorizers treat both as grants.
 * Never holds a credential: an API key appears only as its id.
 */
public final class Identity implements Principal {

    /** The request attribute under which the filter publishes the identity. */
    public static final String ATTRIBUTE = "dev.apigw.security.Identity";

    private static final Identity ANONYMOUS = new Builder("anonymous", "none").build();

    private final String principal;
    private final String authMethod;
    private final Set<String> scopes;
    private final Set<String> groups;
    private final Map<String, Object> claims;
    private final String apiKeyId;
    private final String plan;

    private Identity(Builder b) {
        this.principal = b.principal;
        this.authMethod = b.authMethod;
        this.scopes = Set.copyOf(b.scopes);
        this.groups = Set.copyOf(b.groups);
        this.claims = Map.copyOf(b.claims);
        this.apiKeyId = b.apiKeyId;
        this.plan = b.plan;
    }

    /** The identity of a request on a public route ({@code auth: none}). */
    public static Identity anonymous() {
        return ANONYMOUS;
    }

    /** Starts an identity for a principal established by an authentication method (e.g. {@code jwt}). */
    public static Builder builder(String principal, String authMethod) {
        return new Builder(principal, authMethod);
    }

    /** Whether this is the anonymous identity of a public route. */
    public boolean isAnonymous() {
        return this == ANONYMOUS;
    }

    @Override
    public String getName() {
        return principal;
    }

    /** The principal: a token's {@code sub}, an API key's principal, a certificate subject, an authorizer's answer. */
    public String principal() {
        return principal;
    }

    /** The authentication method that established this identity: {@code jwt}, {@code apiKey}, {@code mtls}, an authorizer's name, or {@code none}. */
    public String authMethod() {
        return authMethod;
    }

    /** The scopes granted. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The groups the principal belongs to. */
    public Set<String> groups() {
        return groups;
    }

    /** Whether a scope or group was granted; what {@code isUserInRole} answers. */
    public boolean hasRole(String role) {
        return scopes.contains(role) || groups.contains(role);
    }

    /** The token's claims or the authorizer's context; never a credential. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The id of the API key used, or {@code null}. */
    public String apiKeyId() {
        return apiKeyId;
    }

    /** The usage plan of the API key used, or {@code null}. */
    public String plan() {
        return plan;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identity other
                && principal.equals(other.principal)
                && authMethod.equals(other.authMethod)
                && scopes.equals(other.scopes)
                && groups.equals(other.groups)
                && claims.equals(other.claims)
                && Objects.equals(apiKeyId, other.apiKeyId)
                && Objects.equals(plan, other.plan);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, authMethod, scopes, groups);
    }

    @Override
    public String toString() {
        return "Identity[" + authMethod + ":" + principal + "]";
    }

    /** Builds an {@link Identity}. */
    public static final class Builder {
        private final String principal;
        private final String authMethod;
        private final Set<String> scopes = new LinkedHashSet<>();
        private final Set<String> groups = new LinkedHashSet<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String apiKeyId;
        private String plan;

        private Builder(String principal, String authMethod) {
            this.principal = Objects.requireNonNull(principal, "principal");
            this.authMethod = Objects.requireNonNull(authMethod, "authMethod");
        }

        /** Adds granted scopes. */
        public Builder scopes(Iterable<String> values) {
            values.forEach(v -> scopes.add(Objects.requireNonNull(v, "scope")));
            return this;
        }

        /** Adds groups. */
        public Builder groups(Iterable<String> values) {
            values.forEach(v -> groups.add(Objects.requireNonNull(v, "group")));
            return this;
        }

        /** Adds claims or authorizer context; null values are dropped. */
        public Builder claims(Map<String, ?> values) {
            values.forEach((k, v) -> {
                if (v != null) {
                    claims.put(k, v);
                }
            });
            return this;
        }

        /** Sets the id of the API key used. */
        public Builder apiKeyId(String id) {
            this.apiKeyId = id;
            return this;
        }

        /** Sets the usage plan. */
        public Builder plan(String name) {
            this.plan = name;
            return this;
        }

        /** The immutable identity. */
        public Identity build() {
            return new Identity(this);
        }
    }
}
