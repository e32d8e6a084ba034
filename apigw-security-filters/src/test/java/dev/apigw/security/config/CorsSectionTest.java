package dev.apigw.security.config;

import dev.apigw.security.cors.CorsPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.apigw.security.config.ConfigLoaderTest.errorOf;
import static dev.apigw.security.config.ConfigLoaderTest.load;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code cors} sections of the file (global, {@code defaults.cors}, a route's) through the loader. */
class CorsSectionTest {

    private static final String BASE = """
            version: 1
            transport: { requireHttps: false }
            cors:
              allowedOrigins: [https://app.example.com, "https://*.example.com"]
              allowedMethods: [GET, POST]
              allowedHeaders: [Authorization, Content-Type, X-Api-Key]
              exposedHeaders: [X-Request-Id, RateLimit, RateLimit-Policy, Retry-After]
              allowCredentials: true
              maxAge: 10m
            routes:
              - path: /health
                auth: none
              - path: /widget
                auth: none
                cors: { allowedOrigins: ["https://widget.partner.test"], allowPrivateNetwork: true }
            """;

    @Test
    void mapsTheGlobalAndTheRouteSections() {
        GatewayConfig config = load(BASE);
        CorsPolicy global = config.cors();
        assertThat(global.allowedOrigins()).containsExactly("https://app.example.com", "https://*.example.com");
        assertThat(global.allowedMethods()).containsExactly("GET", "POST");
        assertThat(global.allowedHeaders()).containsExactly("Authorization", "Content-Type", "X-Api-Key");
        assertThat(global.exposedHeaders()).containsExactly("X-Request-Id", "RateLimit", "RateLimit-Policy",
                "Retry-After");
        assertThat(global.allowCredentials()).isTrue();
        assertThat(global.maxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(global.allowPrivateNetwork()).isFalse();
        assertThat(config.routes().get(0).cors()).isNull();
        CorsPolicy widget = config.routes().get(1).cors();
        assertThat(widget.allowedOrigins()).containsExactly("https://widget.partner.test");
        assertThat(widget.allowCredentials()).as("a route's section replaces the global one").isFalse();
        assertThat(widget.allowedMethods()).containsExactly("GET", "HEAD", "POST");
        assertThat(widget.allowPrivateNetwork()).isTrue();
    }

    @Test
    void defaultsCorsIsTheGlobalPolicyWrittenUnderDefaults() {
        String yaml = BASE.replace("cors:\n  allowedOrigins", "defaults:\n  cors:\n    allowedOrigins")
                .replace("\n  allowed", "\n    allowed").replace("\n  exposed", "\n    exposed")
                .replace("\n  allowCredentials", "\n    allowCredentials").replace("\n  maxAge", "\n    maxAge");
        assertThat(yaml).contains("defaults:\n  cors:\n    allowedOrigins").doesNotContain("\ncors:");
        assertThat(load(yaml).cors().allowedOrigins()).containsExactly("https://app.example.com",
                "https://*.example.com");
    }

    @Test
    void aStageReplacesTheOriginList() {
        String yaml = BASE + "stages:\n  dev:\n    cors: { allowedOrigins: [\"http://localhost:3000\"] }\n";
        GatewayConfig dev = ConfigLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml", "dev");
        assertThat(dev.cors().allowedOrigins()).containsExactly("http://localhost:3000");
        assertThat(dev.cors().allowCredentials()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "star with credentials|https://app.example.com, \"https://*.example.com\"|\"*\"|config error at /cors: allowCredentials cannot be combined with allowedOrigins \"*\"",
        "too wide wildcard|\"https://*.example.com\"|\"https://*.com\"|config error at /cors/allowedOrigins/1: \"https://*.com\" is too wide",
        "public suffix|\"https://*.example.com\"|\"https://*.co.uk\"|config error at /cors/allowedOrigins/1: \"https://*.co.uk\" is too wide",
        "misplaced star|\"https://*.example.com\"|\"https://a.*.example.com\"|config error at /cors/allowedOrigins/1: \"https://a.*.example.com\" puts * where",
        "bad port|https://app.example.com,|https://app.example.com:70000,|config error at /cors/allowedOrigins/0: \"https://app.example.com:70000\" is not an origin",
        "path (schema)|https://app.example.com,|https://app.example.com/,|config error at /cors/allowedOrigins/0: \"https://app.example.com/\"",
        "route wildcard|[\"https://widget.partner.test\"]|[\"https://*\"]|config error at /routes/1/cors/allowedOrigins/0: \"https://*\" is too wide",
        "route null with credentials|[\"https://widget.partner.test\"], allowPrivateNetwork: true|[\"null\"], allowCredentials: true|config error at /routes/1/cors: allowCredentials cannot be combined with the origin \"null\"",
        "private network not a boolean|allowPrivateNetwork: true|allowPrivateNetwork: yes|config error at /routes/1/cors/allowPrivateNetwork: \"yes\" is not true or false",
        "unknown key|allowPrivateNetwork: true|allowPrivateNetwrok: true|config error at /routes/1/cors: unknown key \"allowPrivateNetwrok\" (did you mean \"allowPrivateNetwork\"?)",
        "exposed star with credentials|exposedHeaders: [X-Request-Id,|exposedHeaders: [\"*\", X-Request-Id,|config error at /cors: exposedHeaders \"*\" does not work with allowCredentials",
    })
    void startUpErrorsCarryTheJsonPointer(String what, String from, String to, String expected) {
        String yaml = BASE.replace(from, to);
        assertThat(yaml).as("the test edit applies").isNotEqualTo(BASE);
        assertThat(errorOf(yaml)).contains(expected);
    }

    @Test
    void corsAndDefaultsCorsTogetherAreAStartUpError() {
        String yaml = BASE + "defaults:\n  cors: { allowedOrigins: [\"https://other.test\"] }\n";
        assertThat(errorOf(yaml)).contains("config error at /defaults/cors: cors and defaults.cors are both set");
    }
}
