package dev.apigw.security.chain;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.auth.apikey.ApiKeyAuthenticator;
import dev.apigw.security.auth.authorizer.AuthorizerAuthenticator;
import dev.apigw.security.auth.jwt.JwtAuthenticator;
import dev.apigw.security.auth.mtls.MtlsAuthenticator;
import dev.apigw.security.config.GatewayConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live authenticators of one chain by method name: built from the configuration once, shared by every route that
 * lists them, closed with the chain.
 */
final class AuthenticatorRegistry implements AutoCloseable {

    private final Map<String, CredentialAuthenticator> byName;
    private final List<Object> owned;

    private AuthenticatorRegistry(Map<String, CredentialAuthenticator> byName, List<Object> owned) {
        this.byName = byName;
        this.owned = owned;
    }

    static AuthenticatorRegistry create(GatewayConfig config, Set<ControlKind> kinds) {
        Map<String, CredentialAuthenticator> byName = new LinkedHashMap<>();
        if (kinds.contains(ControlKind.AUTHENTICATION)) {
            if (config.jwt() != null) {
                byName.put("jwt", JwtAuthenticator.create(config.jwt()));
            }
            if (config.apiKeys() != null) {
                byName.put("apiKey", ApiKeyAuthenticator.builder(config.apiKeys().store())
                        .header(config.apiKeys().header()).build());
            }
            if (config.mtls() != null) {
                byName.put("mtls", new MtlsAuthenticator(config.mtls(), config.trustedProxies()));
            }
            config.authorizers().forEach((name, settings) -> byName.put(name, new AuthorizerAuthenticator(settings)));
            byName.putAll(config.customAuthenticators());
        }
        List<Object> owned = new ArrayList<>(byName.values());
        if (config.apiKeys() != null) {
            owned.add(config.apiKeys().store());
        }
        return new AuthenticatorRegistry(byName, owned);
    }

    CredentialAuthenticator get(String name) {
        return byName.get(name);
    }

    /** The authenticators for a route's method list; every name was checked when the configuration was built. */
    List<CredentialAuthenticator> forMethods(List<String> names) {
        List<CredentialAuthenticator> list = new ArrayList<>(names.size());
        for (String name : names) {
            CredentialAuthenticator a = byName.get(name);
            if (a == null) {
                throw new IllegalStateException("auth method \"" + name + "\" is not configured");
            }
            list.add(a);
        }
        return list;
    }

    @Override
    public void close() {
        for (Object o : owned) {
            if (o instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(AuthenticatorRegistry.class)
                            .warn("closing {} failed: {}", o.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
