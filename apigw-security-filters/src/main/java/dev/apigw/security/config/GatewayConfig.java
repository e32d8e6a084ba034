package dev.apigw.security.config;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.SecurityEventListener;
import dev.apigw.security.audit.SecurityEventLog;
import dev.apigw.security.audit.AuditSettings;
import dev.apigw.security.auth.apikey.ApiKeySettings;
import dev.apigw.security.auth.authorizer.AuthorizerSettings;
import dev.apigw.security.auth.jwt.JwtSettings;
import dev.apigw.security.auth.mtls.MtlsSettings;
import dev.apigw.security.cors.CorsPolicy;
import dev.apigw.security.ip.CidrSet;
import dev.apigw.security.ip.IpPolicy;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.route.RouteTable;
import dev.apigw.security.throttle.ThrottleSettings;
import dev.apigw.security.transport.TransportPolicy;
import dev.apigw.security.validate.signature.AttackSignatureSettings;
import dev.apigw.security.validate.RouteValidation;
import dev.apigw.security.validate.ValidationSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole configuration of the security filter: what the YAML file says, or what code built with the same builder.
 *
 * <p>Immutable. {@link Builder#build()} applies the secure-by-default rules of CONTRACT §3: a route with no
 * {@code auth} and no {@code defaults.auth} is an error, as is a route naming an authentication method that is not
 * configured. The YAML loader builds through this builder and adds only parsing and error locations.
 */
public final class GatewayConfig {

    /** The names of the built-in authentication methods. */
    public static final Set<String> BUILT_IN_METHODS = Set.of("jwt", "apiKey", "mtls");

    private final CidrSet trustedProxies;
    private final TransportPolicy transport;
    private final IpPolicy ipPolicy;
    private final CorsPolicy cors;
    private final JwtSettings jwt;
    private final ApiKeySettings apiKeys;
    private final MtlsSettings mtls;
    private final Map<String, AuthorizerSettings> authorizers;
    private final Map<String, CredentialAuthenticator> customAuthenticators;
    private final List<String> defaultAuth;
    private final boolean hasDefaults;
    private final List<RouteConfig> routes;
    private final AuditSettings audit;
    private final SecurityEventListener events;
    private final ThrottleSettings throttling;
    private final ValidationSettings validation;
    private final RouteValidation defaultValidate;
    private final AttackSignatureSettings attackSignatures;

    private GatewayConfig(Builder b) {
        this.trustedProxies = b.trustedProxies;
        this.transport = b.transport;
        this.ipPolicy = b.ipPolicy;
        this.cors = b.cors;
        this.jwt = b.jwt;
        this.apiKeys = b.apiKeys;
        this.mtls = b.mtls;
        this.authorizers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.authorizers));
        this.customAuthenticators = Map.copyOf(b.customAuthenticators);
        this.defaultAuth = b.defaultAuth;
        this.hasDefaults = b.hasDefaults;
        this.routes = List.copyOf(b.routes);
        this.audit = b.audit;
        this.events = b.events;
        this.throttling = b.throttling;
        this.validation = b.validation;
        this.defaultValidate = b.defaultValidate;
        this.attackSignatures = b.attackSignatures;
    }

    /** Starts a configuration with the secure defaults: no trusted proxy, HTTPS required, every address allowed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The proxies whose forwarding headers are believed. */
    public CidrSet trustedProxies() {
        return trustedProxies;
    }

    /** The transport rules. */
    public TransportPolicy transport() {
        return transport;
    }

    /** The global IP policy. */
    public IpPolicy ipPolicy() {
        return ipPolicy;
    }

    /**
     * The CORS policy of every route without its own and of requests that match no route ({@code cors}, or
     * {@code defaults.cors}), or {@code null}: then only routes with their own policy do CORS.
     */
    public CorsPolicy cors() {
        return cors;
    }

    /** The JWT settings, or {@code null} where JWT is not configured. */
    public JwtSettings jwt() {
        return jwt;
    }

    /** The API key settings, or {@code null} where API keys are not configured. */
    public ApiKeySettings apiKeys() {
        return apiKeys;
    }

    /** The mutual TLS settings, or {@code null} where mTLS is not configured. */
    public MtlsSettings mtls() {
        return mtls;
    }

    /** The custom authorizers by name, in the order configured. */
    public Map<String, AuthorizerSettings> authorizers() {
        return authorizers;
    }

    /** Authenticators registered in code, by name (custom methods). */
    public Map<String, CredentialAuthenticator> customAuthenticators() {
        return customAuthenticators;
    }

    /** Whether a {@code defaults} block exists: unmatched requests then use it instead of 404. */
    public boolean hasDefaults() {
        return hasDefaults;
    }

    /** {@code defaults.auth}, or {@code null}. */
    public List<String> defaultAuth() {
        return defaultAuth;
    }

    /** The routes, with defaults applied. */
    public List<RouteConfig> routes() {
        return routes;
    }

    /** The audit settings. */
    public AuditSettings audit() {
        return audit;
    }

    /** Where security events go; by default the {@code apigw.security} logger. */
    public SecurityEventListener events() {
        return events;
    }

    /** Throttling, usage plans and the brute-force lockout ({@link ThrottleSettings#NONE} where absent). */
    public ThrottleSettings throttling() {
        return throttling;
    }

    /** The {@code validation} section: size and JSON limits. */
    public ValidationSettings validation() {
        return validation;
    }

    /** {@code validation.attackSignatures}, or {@code null} where signatures are not configured (nothing is scanned). */
    public AttackSignatureSettings attackSignatures() {
        return attackSignatures;
    }

    /** {@code defaults.validate}: what routes without their own {@code validate} and unmatched requests check. */
    public RouteValidation defaultValidate() {
        return defaultValidate;
    }

    /** Builds a {@link GatewayConfig}; every setter validates what it is given. */
    public static final class Builder {
        private CidrSet trustedProxies = CidrSet.empty();
        private TransportPolicy transport = TransportPolicy.builder().requireHttps(true).build();
        private IpPolicy ipPolicy = IpPolicy.builder().build();
        private CorsPolicy cors;
        private JwtSettings jwt;
        private ApiKeySettings apiKeys;
        private MtlsSettings mtls;
        private final Map<String, AuthorizerSettings> authorizers = new LinkedHashMap<>();
        private final Map<String, CredentialAuthenticator> customAuthenticators = new LinkedHashMap<>();
        private List<String> defaultAuth;
        private boolean hasDefaults;
        private final List<RouteConfig> routes = new ArrayList<>();
        private AuditSettings audit = AuditSettings.DEFAULTS;
        private SecurityEventListener events = new SecurityEventLog();
        private ThrottleSettings throttling = ThrottleSettings.NONE;
        private ValidationSettings validation = ValidationSettings.DEFAULTS;
        private RouteValidation defaultValidate;
        private AttackSignatureSettings attackSignatures;

        private Builder() {
        }

        /** Proxies whose forwarding headers are believed, as CIDR blocks. Default: none. */
        public Builder trustedProxies(List<String> cidrs) {
            this.trustedProxies = CidrSet.parse(cidrs);
            return this;
        }

        /** The transport rules. */
        public Builder transport(TransportPolicy policy) {
            this.transport = Objects.requireNonNull(policy, "transport");
            return this;
        }

        /** The global IP policy. */
        public Builder ipPolicy(IpPolicy policy) {
            this.ipPolicy = Objects.requireNonNull(policy, "ipPolicy");
            return this;
        }

        /**
         * The CORS policy for every route without its own and for unmatched requests ({@code cors}, or
         * {@code defaults.cors}). Without any policy the filter does no CORS: browsers keep the same-origin policy,
         * and cross-origin requests are neither granted nor refused.
         */
        public Builder cors(CorsPolicy policy) {
            this.cors = policy;
            return this;
        }

        /** Enables JWT authentication. */
        public Builder jwt(JwtSettings settings) {
            this.jwt = settings;
            return this;
        }

        /** Enables API keys. */
        public Builder apiKeys(ApiKeySettings settings) {
            this.apiKeys = settings;
            return this;
        }

        /** Enables mutual TLS authentication (method {@code mtls}). */
        public Builder mtls(MtlsSettings settings) {
            this.mtls = settings;
            return this;
        }

        /** Adds a custom authorizer plugin, listed in routes under its name. */
        public Builder authorizer(AuthorizerSettings settings) {
            checkFreeName(settings.name());
            authorizers.put(settings.name(), settings);
            return this;
        }

        /** Registers a custom authentication method under its {@link CredentialAuthenticator#name()}. */
        public Builder authenticator(CredentialAuthenticator authenticator) {
            checkFreeName(authenticator.name());
            customAuthenticators.put(authenticator.name(), authenticator);
            return this;
        }

        private void checkFreeName(String name) {
            if (BUILT_IN_METHODS.contains(name) || "none".equals(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is a built-in method name; choose another name");
            }
            if (customAuthenticators.containsKey(name) || authorizers.containsKey(name)) {
                throw new IllegalArgumentException("two authentication methods are named \"" + name + "\"");
            }
        }

        /**
         * Adds a {@code defaults} block; {@code auth} is what a route without its own {@code auth} uses, or
         * {@code null}.
         */
        public Builder defaults(List<String> auth) {
            this.hasDefaults = true;
            this.defaultAuth = auth == null ? null : List.copyOf(auth);
            return this;
        }

        /** Adds a route; the most specific route wins whatever the order. */
        public Builder route(RouteConfig route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /** The audit settings. */
        public Builder audit(AuditSettings settings) {
            this.audit = Objects.requireNonNull(settings, "audit");
            return this;
        }

        /** Sends security events to the application's listener instead of the {@code apigw.security} logger. */
        public Builder events(SecurityEventListener listener) {
            this.events = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Throttling, usage plans and the brute-force lockout. */
        public Builder throttling(ThrottleSettings settings) {
            this.throttling = Objects.requireNonNull(settings, "throttling");
            return this;
        }

        /** Size and JSON limits; default {@link ValidationSettings#DEFAULTS}. */
        public Builder validation(ValidationSettings settings) {
            this.validation = Objects.requireNonNull(settings, "validation");
            return this;
        }

        /** Turns the attack signatures on (or, with mode {@code off}, explicitly off). */
        public Builder attackSignatures(AttackSignatureSettings settings) {
            this.attackSignatures = settings;
            return this;
        }

        /** {@code defaults.validate}; it may not name path parameters, which belong to a template. */
        public Builder defaultValidate(RouteValidation rules) {
            if (rules != null && !rules.path().isEmpty()) {
                throw new IllegalArgumentException("defaults.validate cannot name path parameters; put them on the route");
            }
            this.defaultValidate = rules;
            return this;
        }

        /** Checks the combination and builds; messages name the route and the fix. */
        public GatewayConfig build() {
            List<RouteConfig> resolved = new ArrayList<>();
            for (RouteConfig route : routes) {
                RouteConfig r = route.withDefaultAuth(defaultAuth);
                if (r.auth() == null) {
                    throw new IllegalArgumentException(r + " has no auth and there is no defaults.auth"
                            + " (write auth: none to make it public, or name the methods, e.g. auth: [jwt])");
                }
                r.auth().forEach(m -> checkMethodConfigured(r.toString(), m));
                resolved.add(r);
            }
            if (defaultAuth != null) {
                defaultAuth.forEach(m -> checkMethodConfigured("defaults", m));
            }
            // Templates, methods and overlapping routes are checked by building the table the chain will use.
            RouteTable.Builder<RouteConfig> table = RouteTable.builder();
            resolved.forEach(r -> table.add(r.path(), r.methods(), r));
            table.build();
            routes.clear();
            routes.addAll(resolved);
            return new GatewayConfig(this);
        }

        private void checkMethodConfigured(String where, String method) {
            boolean configured = switch (method) {
                case "jwt" -> jwt != null;
                case "apiKey" -> apiKeys != null;
                case "mtls" -> mtls != null;
                default -> customAuthenticators.containsKey(method) || authorizers.containsKey(method);
            };
            if (!configured) {
                String hint = switch (method) {
                    case "jwt" -> "configure authentication.jwt";
                    case "apiKey" -> "configure authentication.apiKeys";
                    case "mtls" -> "configure authentication.mtls";
                    default -> "configure an authorizer named " + method;
                };
                throw new IllegalArgumentException(where + " uses auth method \"" + method + "\", which is not configured (" + hint + ")");
            }
        }
    }
}
