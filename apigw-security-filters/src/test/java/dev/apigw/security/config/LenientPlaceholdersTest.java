package dev.apigw.security.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A loader for tools (the linter): undefined placeholders kept as written and listed, and the stages' names. */
class LenientPlaceholdersTest {

    private static final String FILE = """
            version: 1
            throttling:
              store: { type: redis, uri: "${env:REDIS_URI}" }
              global: { rate: 10/s, burst: "${env:BURST}" }
            authentication:
              jwt: { secret: "${vault:jwt}", algorithms: [HS256] }
            routes: [{ path: /health, auth: none }]
            stages:
              dev: { transport: { requireHttps: false } }
              prod: {}
            """;

    private static ConfigDocumentLoader.Builder loader(Map<String, String> env) {
        return ConfigDocumentLoader.builder().environment(env::get).systemProperties(k -> null);
    }

    @Test
    void keepsUndefinedPlaceholdersAsWrittenAndSkipsTheirSchemaCheck() {
        ConfigDocument doc = loader(Map.of()).leaveUndefinedPlaceholders().build().load("a.yaml", FILE);

        assertThat(doc.unresolvedPlaceholders()).containsOnly(
                Map.entry("/throttling/store/uri", "${env:REDIS_URI}"),
                Map.entry("/throttling/global/burst", "${env:BURST}"),
                Map.entry("/authentication/jwt/secret", "${vault:jwt}"));
        assertThat(doc.tree().at("/throttling/store/uri").asString()).isEqualTo("${env:REDIS_URI}");
        assertThat(doc.fromPlaceholder("/authentication/jwt/secret")).isTrue();
    }

    @Test
    void resolvesWhatIsDefinedAndChecksIt() {
        ConfigDocument doc = loader(Map.of("BURST", "20", "REDIS_URI", "redis://cache:6379"))
                .leaveUndefinedPlaceholders().build().load("a.yaml", FILE);

        assertThat(doc.unresolvedPlaceholders()).containsOnlyKeys("/authentication/jwt/secret");
        assertThat(doc.tree().at("/throttling/global/burst").isIntegralNumber()).isTrue();
        assertThatThrownBy(() -> loader(Map.of("BURST", "many")).leaveUndefinedPlaceholders().build()
                .load("a.yaml", FILE)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config error at /throttling/global/burst: (value from ${env:BURST}) is not");
    }

    @Test
    void withoutTheOptionAnUndefinedPlaceholderStillStopsLoading() {
        assertThatThrownBy(() -> loader(Map.of()).build().load("a.yaml", FILE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("${env:REDIS_URI} is not defined");
    }

    @Test
    void namesTheStagesOfTheFile() {
        ConfigDocument doc = loader(Map.of()).leaveUndefinedPlaceholders().stage("prod").build().load("a.yaml", FILE);

        assertThat(doc.stageNames()).containsExactly("dev", "prod");
        assertThat(loader(Map.of()).leaveUndefinedPlaceholders().build()
                .load("a.yaml", "version: 1\nroutes: []\n").stageNames()).isEmpty();
    }
}
