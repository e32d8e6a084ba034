package dev.apigw.security.config;

import dev.apigw.security.auth.authorizer.AuthorizerSettings;
import dev.apigw.security.auth.mtls.MtlsSettings;

/**
 * Maps {@code authentication.mtls} and {@code authentication.authorizers} onto their settings builders, each refusal
 * at the pointer of its node: a truststore that cannot be read at {@code /authentication/mtls/truststore}, a plugin
 * class that cannot be loaded at {@code .../class}. Which method names a file configures is
 * {@link GatewayConfigReader}'s concern.
 */
final class AuthenticationReader {

    private AuthenticationReader() {
    }

    static MtlsSettings mtls(ConfigNode n) {
        MtlsSettings.Builder m = MtlsSettings.builder();
        ConfigNode truststore = n.get("truststore");
        if (truststore.present()) {
            truststore.build(() -> m.truststore(truststore.path()));
        }
        if (n.get("certificateHeader").present()) {
            m.certificateHeader(n.get("certificateHeader").text());
        }
        return n.build(m::build);
    }

    static AuthorizerSettings authorizer(ConfigNode n) {
        AuthorizerSettings.Builder a = AuthorizerSettings.builder(n.get("name").text());
        ConfigNode className = n.get("class");
        className.build(() -> a.className(className.text()));
        for (ConfigNode source : n.get("identitySources").elements()) {
            source.build(() -> a.identitySource(source.text()));
        }
        if (n.get("cacheTtl").present()) {
            a.cacheTtl(n.get("cacheTtl").duration());
        }
        return n.build(a::build);
    }
}
