package dev.apigw.security.config;

import dev.apigw.security.Secret;
import dev.apigw.security.audit.AuditSettings;
import dev.apigw.security.auth.jwt.JwksSettings;
import dev.apigw.security.auth.jwt.JwtSettings;
import dev.apigw.security.ip.Cidr;
import dev.apigw.security.ip.IpPolicy;
import dev.apigw.security.route.PathTemplate;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.transport.TransportPolicy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a checked {@link ConfigDocument} onto {@link GatewayConfig}'s builders: the YAML file is a thin layer over the
 * programmatic configuration. The schema has already checked shapes and syntax; what is left here is meaning
 * (a CIDR, a path template, a combination), each refusal at the pointer of its node.
 */
final class GatewayConfigReader {

    private GatewayConfigReader() {
    }

    static GatewayConfig read(ConfigDocument document) {
        ConfigNode root = ConfigNode.root(document);
        refuseUnimplemented(root);
        GatewayConfig.Builder b = GatewayConfig.builder();
        ConfigNode proxies = root.get("trustedProxies");
        if (proxies.present()) {
            proxies.build(() -> b.trustedProxies(proxies.texts()));
        }
        ConfigNode transport = root.get("transport");
        if (transport.present()) {
            b.transport(transport(transport));
        }
        ConfigNode ip = root.get("ipPolicy");
        if (ip.present()) {
            b.ipPolicy(ipPolicy(ip));
        }
        ConfigNode cors = root.get("cors");
        if (cors.present()) {
            b.cors(CorsSection.read(cors));
        }
        ConfigNode authentication = root.get("authentication");
        ConfigNode jwt = authentication.get("jwt");
        if (jwt.present()) {
            b.jwt(jwt(jwt));
        }
        ConfigNode apiKeys = authentication.get("apiKeys");
        if (apiKeys.present()) {
            b.apiKeys(ApiKeyStoreReader.read(apiKeys, document.baseDirectory()));
        }
        ConfigNode mtls = authentication.get("mtls");
        if (mtls.present()) {
            b.mtls(AuthenticationReader.mtls(mtls));
        }
        for (ConfigNode authorizer : authentication.get("authorizers").elements()) {
            authorizer.build(() -> b.authorizer(AuthenticationReader.authorizer(authorizer)));
        }
        ValidationConfigReader validation = ValidationConfigReader.read(document, root, b);
        ConfigNode audit = root.get("audit");
        if (audit.present()) {
            b.audit(audit(audit));
        }
        b.throttling(ThrottleConfigReader.read(root));
        Set<String> configured = configuredMethods(authentication);
        ConfigNode defaults = root.get("defaults");
        List<String> defaultAuth = null;
        if (defaults.present()) {
            defaultAuth = auth(defaults.get("auth"));
            checkConfigured(defaults.get("auth"), defaultAuth, configured);
            b.defaults(defaultAuth);
            CorsSection.readDefaults(defaults.get("cors"), cors.present(), b);
        }
        for (ConfigNode route : root.get("routes").elements()) {
            b.route(route(route, defaultAuth != null, configured, validation));
        }
        return root.build(b::build);
    }

    private static void refuseUnimplemented(ConfigNode root) {
        for (String key : List.of("scopes", "groups", "throttle", "ipPolicy")) {
            root.get("defaults").get(key).refuseIfPresent("defaults." + key);
        }
    }

    private static TransportPolicy transport(ConfigNode n) {
        TransportPolicy.Builder t = TransportPolicy.builder()
                .requireHttps(n.get("requireHttps").bool(true))
                .redirect(n.get("redirect").bool(false));
        ConfigNode hsts = n.get("hsts");
        if (hsts.present()) {
            t.hsts(hsts.build(() -> new TransportPolicy.Hsts(hsts.get("maxAge").duration(),
                    hsts.get("includeSubDomains").bool(false), hsts.get("preload").bool(false))));
        }
        ConfigNode secrets = n.get("rejectSecretsInQuery");
        if (secrets.present()) {
            t.rejectSecretsInQuery(secrets.texts());
        }
        return n.build(t::build);
    }

    private static IpPolicy ipPolicy(ConfigNode n) {
        IpPolicy.Builder p = IpPolicy.builder();
        List<ConfigNode> allow = n.get("allow").elements();
        // Each range is parsed here first so that a bad one is reported at its own pointer.
        for (ConfigNode a : allow) {
            p.allow(a.parse(Cidr::parse).toString());
        }
        for (ConfigNode d : n.get("deny").elements()) {
            p.deny(d.parse(Cidr::parse).toString());
        }
        return n.build(p::build);
    }

    private static JwtSettings jwt(ConfigNode n) {
        JwtSettings.Builder j = JwtSettings.builder();
        if (n.get("issuer").present()) {
            j.issuer(n.get("issuer").text());
        }
        if (n.get("audiences").present()) {
            j.audiences(n.get("audiences").texts());
        }
        ConfigNode jwks = n.get("jwksUri");
        if (jwks.present()) {
            jwks.build(() -> j.jwksUri(jwks.text()));
        }
        ConfigNode secret = n.get("secret");
        if (secret.present()) {
            j.secret(Secret.of(secret.text()));
        }
        if (n.get("algorithms").present()) {
            n.get("algorithms").build(() -> j.algorithms(n.get("algorithms").texts()));
        }
        if (n.get("clockSkew").present()) {
            j.clockSkew(n.get("clockSkew").duration());
        }
        if (n.get("scopeClaims").present()) {
            j.scopeClaims(n.get("scopeClaims").texts().toArray(String[]::new));
        }
        ConfigNode refresh = n.get("jwksRefresh");
        if (refresh.present()) {
            refresh.build(() -> j.jwksRefresh(
                    refresh.get("interval").present() ? refresh.get("interval").duration() : JwksSettings.DEFAULT_REFRESH_INTERVAL,
                    refresh.get("minInterval").present() ? refresh.get("minInterval").duration() : JwksSettings.DEFAULT_MIN_REFRESH_INTERVAL));
        }
        return n.build(j::build);
    }

    private static AuditSettings audit(ConfigNode n) {
        AuditSettings d = AuditSettings.DEFAULTS;
        return n.build(() -> new AuditSettings(
                n.get("logger").present() ? n.get("logger").text() : d.loggerName(),
                n.get("requestIdHeader").present() ? n.get("requestIdHeader").text() : d.requestIdHeader(),
                n.get("redactHeaders").present() ? java.util.Set.copyOf(n.get("redactHeaders").texts()) : d.redactHeaders(),
                n.get("redactJsonFields").present() ? java.util.Set.copyOf(n.get("redactJsonFields").texts()) : d.redactJsonFields()));
    }

    /** {@code none} (the schema admits no other text) is the empty list of a public route; absent is {@code null}. */
    private static List<String> auth(ConfigNode n) {
        if (!n.present()) {
            return null;
        }
        return n.isText() ? RouteConfig.PUBLIC : n.texts();
    }

    /** The authentication methods the file configures: the one place that knows which sections name a method. */
    private static Set<String> configuredMethods(ConfigNode authentication) {
        Set<String> configured = new LinkedHashSet<>();
        if (authentication.get("jwt").present()) {
            configured.add("jwt");
        }
        if (authentication.get("mtls").present()) {
            configured.add("mtls");
        }
        if (authentication.get("apiKeys").present()) {
            configured.add("apiKey");
        }
        for (ConfigNode authorizer : authentication.get("authorizers").elements()) {
            configured.add(authorizer.get("name").text());
        }
        return configured;
    }

    private static void checkConfigured(ConfigNode node, List<String> methods, Set<String> configured) {
        if (methods == null) {
            return;
        }
        for (int i = 0; i < methods.size(); i++) {
            String m = methods.get(i);
            if (!configured.contains(m)) {
                throw node.get(String.valueOf(i)).error("auth method \"" + m + "\" is not configured ("
                        + missingMethodHint(m) + ")");
            }
        }
    }

    private static String missingMethodHint(String method) {
        return switch (method) {
            case "jwt" -> "add authentication.jwt";
            case "mtls" -> "add authentication.mtls";
            case "apiKey" -> "add authentication.apiKeys";
            default -> "add an authorizer named " + method + " under authentication.authorizers";
        };
    }

    private static RouteConfig route(ConfigNode n, boolean hasDefaultAuth, Set<String> configured,
                                     ValidationConfigReader validation) {
        RouteConfig.Builder r = RouteConfig.builder(n.get("path").parse(PathTemplate::parse).text());
        if (n.get("methods").present()) {
            r.methods(n.get("methods").texts().toArray(String[]::new));
        }
        List<String> auth = auth(n.get("auth"));
        if (auth == null && !hasDefaultAuth) {
            throw n.error("the route has no auth and there is no defaults.auth (write auth: none to make it public,"
                    + " or name the methods, e.g. auth: [jwt])");
        }
        checkConfigured(n.get("auth"), auth, configured);
        if (auth != null && auth.isEmpty()) {
            r.publicRoute();
        } else if (auth != null) {
            r.auth(auth.toArray(String[]::new));
        }
        r.scopes(n.get("scopes").texts().toArray(String[]::new));
        r.groups(n.get("groups").texts().toArray(String[]::new));
        ConfigNode ip = n.get("ipPolicy");
        if (ip.present()) {
            r.ipPolicy(ipPolicy(ip));
        }
        ConfigNode cors = n.get("cors");
        if (cors.present()) {
            r.cors(CorsSection.read(cors));
        }
        if (n.get("throttle").present()) {
            r.throttle(ThrottleConfigReader.rateLimit(n.get("throttle")));
        }
        r.validate(validation.rules(n.get("validate")));
        r.signatureExclusions(ValidationConfigReader.signatureExclusions(n.get("validate")));
        return n.build(r::build);
    }
}
