package dev.apigw.security.config;

import dev.apigw.security.route.RouteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The YAML file all the way to a {@link GatewayConfig}, and every start-up error with its JSON pointer. */
class ConfigLoaderTest {

    private static final String BASE = """
            version: 1
            trustedProxies: [10.0.0.0/8]
            transport: { requireHttps: true, hsts: { maxAge: 365d, includeSubDomains: true } }
            ipPolicy: { allow: [203.0.113.0/24, "2001:db8::/32"], deny: [203.0.113.7] }
            authentication:
              jwt:
                issuer: https://issuer.example.com
                audiences: [pets-api]
                jwksUri: file:/nonexistent/jwks.json
                algorithms: [RS256, ES256]
                clockSkew: 30s
            audit: { logger: my.audit, requestIdHeader: X-Correlation-Id }
            routes:
              - path: /health
                auth: none
              - path: /pets
                methods: [GET]
                auth: [jwt]
                scopes: [pets:read]
              - path: /pets/{id}
                methods: [GET, DELETE]
                auth: [jwt]
                ipPolicy: { allow: [10.0.0.0/8] }
            """;

    static GatewayConfig load(String yaml) {
        return ConfigLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", null);
    }

    static String errorOf(String yaml) {
        try {
            load(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no config error");
    }

    @Test
    void loadsTheFileThroughTheBuilders() {
        GatewayConfig config = load(BASE);
        assertThat(config.routes()).extracting(RouteConfig::path).containsExactly("/health", "/pets", "/pets/{id}");
        assertThat(config.routes().get(0).isPublic()).isTrue();
        assertThat(config.routes().get(1).auth()).containsExactly("jwt");
        assertThat(config.routes().get(1).scopes()).containsExactly("pets:read");
        assertThat(config.routes().get(2).ipPolicy()).isNotNull();
        assertThat(config.jwt().issuer()).isEqualTo("https://issuer.example.com");
        assertThat(config.audit().requestIdHeader()).isEqualTo("X-Correlation-Id");
        assertThat(config.transport().requireHttps()).isTrue();
        assertThat(config.hasDefaults()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "typo in a route key|methods: [GET]|methdos: [GET]|config error at /routes/1: unknown key \"methdos\"",
        "bad CIDR|deny: [203.0.113.7]|deny: [203.0.113.300]|config error at /ipPolicy/deny/0:",
        "host bits set|allow: [10.0.0.0/8] }|allow: [10.0.0.1/8] }|did you mean 10.0.0.0/8?",
        "route without auth|    auth: none\\n|\\n|config error at /routes/0: the route has no auth",
        "unconfigured method|auth: [jwt]\\n    scopes|auth: [apiKey]\\n    scopes|config error at /routes/1/auth/0: auth method \"apiKey\" is not configured",
        "bad template|path: /pets/{id}|path: /pets/{}|config error at /routes/2/path:",
    })
    void startUpErrorsCarryTheJsonPointer(String what, String from, String to, String expected) {
        String yaml = BASE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(yaml).as("the test edit applies").isNotEqualTo(BASE);
        assertThat(errorOf(yaml)).contains(expected);
    }

    @Test
    void badRateIsReportedAtItsPointerWithTheRightForm() {
        String yaml = BASE + """
                  - path: /orders
                    auth: none
                    throttle: { rate: 10 per sec, burst: 5 }
                """;
        assertThat(errorOf(yaml)).contains(
                "config error at /routes/3/throttle/rate: \"10 per sec\" is not a rate (write N/s, N/m or N/h)");
    }

    @Test
    void sectionsThisVersionDoesNotImplementAreRefusedNotIgnored() {
        assertThat(errorOf(BASE + "defaults: { auth: [jwt], scopes: [pets:read] }\n"))
                .contains("config error at /defaults/scopes:").contains("not implemented");
    }

    @Test
    void defaultsLetRoutesLeaveAuthOut() {
        GatewayConfig config = load(BASE.replace("routes:", "defaults: { auth: [jwt] }\nroutes:")
                .replace("    auth: [jwt]\n    ipPolicy", "    ipPolicy"));
        assertThat(config.hasDefaults()).isTrue();
        assertThat(config.routes().get(2).auth()).containsExactly("jwt");
    }

    @Test
    void weakHmacSecretIsAStartUpErrorThatNeverShowsTheSecret() {
        String yaml = BASE.replace("jwksUri: file:/nonexistent/jwks.json", "secret: short-secret-value")
                .replace("algorithms: [RS256, ES256]", "algorithms: [HS256]");
        String message = errorOf(yaml);
        assertThat(message).contains("config error at /authentication/jwt").contains("256");
        assertThat(message).doesNotContain("short-secret-value");
    }
}
