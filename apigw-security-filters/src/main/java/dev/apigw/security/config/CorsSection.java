package dev.apigw.security.config;

import dev.apigw.security.cors.CorsPolicy;

/**
 * Maps a {@code cors} section (global, {@code defaults.cors} or a route's) onto {@link CorsPolicy}'s builder. Origins
 * are added one by one, so that a bad one is reported at its own pointer; a contradiction between options is
 * reported at the section.
 */
final class CorsSection {

    private CorsSection() {
    }

    static CorsPolicy read(ConfigNode n) {
        CorsPolicy.Builder c = CorsPolicy.builder();
        for (ConfigNode origin : n.get("allowedOrigins").elements()) {
            origin.build(() -> c.allowedOrigins(origin.text()));
        }
        ConfigNode methods = n.get("allowedMethods");
        methods.build(() -> c.allowedMethods(methods.texts().toArray(String[]::new)));
        ConfigNode headers = n.get("allowedHeaders");
        headers.build(() -> c.allowedHeaders(headers.texts().toArray(String[]::new)));
        ConfigNode exposed = n.get("exposedHeaders");
        exposed.build(() -> c.exposedHeaders(exposed.texts().toArray(String[]::new)));
        c.allowCredentials(n.get("allowCredentials").bool(false));
        c.allowPrivateNetwork(n.get("allowPrivateNetwork").bool(false));
        if (n.get("maxAge").present()) {
            c.maxAge(n.get("maxAge").duration());
        }
        return n.build(c::build);
    }

    /** {@code defaults.cors}, which means the same as {@code cors}: one of them may be set. */
    static void readDefaults(ConfigNode n, boolean globalCors, GatewayConfig.Builder b) {
        if (!n.present()) {
            return;
        }
        if (globalCors) {
            throw n.error("cors and defaults.cors are both set, and each would apply to every route without its own;"
                    + " keep one of them");
        }
        b.cors(read(n));
    }
}
