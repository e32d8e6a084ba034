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

import java.util.List;

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
        ConfigNode jwt = root.get("authentication").get("jwt");
        if (jwt.present()) {
            b.jwt(jwt(jwt));
        }
        ValidationConfigReader validation = ValidationConfigReader.read(document, root, b);
        ConfigNode audit = root.get("audit");
        if (audit.present()) {
            b.audit(audit(audit));
        }
        java.util.Set<String> configured = jwt.present() ? java.util.Set.of("jwt") : java.util.Set.of();
        ConfigNode defaults = root.get("defaults");
        List<String> defaultAuth = null;
        if (defaults.present()) {
            defaultAuth = auth(defaults.get("auth"));
            checkConfigured(defaults.get("auth"), defaultAuth, configured);
            b.defaults(defaultAuth);
        }
        for (ConfigNode route : root.get("routes").elements()) {
            b.route(route(route, defaultAuth != null, configured, validation));
        }
        return root.build(b::build);
    }

    private static void refuseUnimplemented(ConfigNode root) {
        for (String section : List.of("cors", "usagePlans", "throttling")) {
            root.get(section).refuseIfPresent("the " + section + " section");
        }
        ConfigNode auth = root.get("authentication");
        for (String method : List.of("apiKeys", "mtls", "authorizers")) {
            auth.get(method).refuseIfPresent("authentication." + method);
        }
        for (String key : List.of("scopes", "groups", "throttle", "ipPolicy", "cors")) {
            root.get("defaults").get(key).refuseIfPresent("defaults." + key);
        }
        for (ConfigNode route : root.get("routes").elements()) {
            for (String key : List.of("throttle", "cors")) {
                route.get(key).refuseIfPresent("a route's " + key);
            }
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

    private static void checkConfigured(ConfigNode node, List<String> methods, java.util.Set<String> configured) {
        if (methods == null) {
            return;
        }
        for (int i = 0; i < methods.size(); i++) {
            String m = methods.get(i);
            if (!configured.contains(m)) {
                throw node.get(String.valueOf(i)).error("auth method \"" + m + "\" is not configured ("
                        + ("jwt".equals(m) ? "add authentication.jwt" : "this version implements jwt only") + ")");
            }
        }
    }

    private static RouteConfig route(ConfigNode n, boolean hasDefaultAuth, java.util.Set<String> configured,
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
        r.validate(validation.rules(n.get("validate")));
        return n.build(r::build);
    }
}
