package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigDocumentLoaderTest {

    private static final Map<String, String> PROD_ENV = Map.of("REDIS_URI", "redis://cache.internal:6379");

    @TempDir
    Path dir;

    private static Path contractExample() throws URISyntaxException {
        return Path.of(ConfigDocumentLoaderTest.class.getResource("contract-example.yaml").toURI());
    }

    private static ConfigDocumentLoader loader(String stage, Map<String, String> env) {
        return ConfigDocumentLoader.builder().stage(stage).environment(env::get).systemProperties(k -> null).build();
    }

    @Test
    void loadsTheContractExampleAsItIs() throws Exception {
        ConfigDocument doc = loader(null, Map.of()).load(contractExample());

        JsonNode tree = doc.tree();
        assertThat(tree.has("stages")).isFalse();
        assertThat(tree.at("/routes/2/throttle/rate").asString()).isEqualTo("20/s");
        assertThat(tree.at("/transport/requireHttps").asBoolean()).isTrue();
        assertThat(tree.at("/throttling/store/type").asString()).isEqualTo("local");
        assertThat(doc.placeholderPointers()).isEmpty();
        assertThat(doc.stage()).isEmpty();
        assertThat(doc.source()).endsWith("contract-example.yaml");
    }

    @Test
    void loadsTheContractExampleWithItsDevStageWithoutTheProdVariables() throws Exception {
        JsonNode tree = loader("dev", Map.of()).load(contractExample()).tree();

        assertThat(tree.at("/transport/requireHttps").asBoolean()).isFalse();
        assertThat(tree.at("/transport/hsts/maxAge").asString()).as("objects merge").isEqualTo("365d");
        assertThat(tree.at("/cors/allowedOrigins")).as("lists replace").hasSize(1);
        assertThat(tree.at("/cors/allowedOrigins/0").asString()).isEqualTo("http://localhost:3000");
        assertThat(tree.at("/cors/allowedMethods")).hasSize(2);
    }

    @Test
    void loadsTheContractExampleWithItsProdStageAndRecordsTheSecretPointer() throws Exception {
        ConfigDocument doc = loader("prod", PROD_ENV).load(contractExample());

        assertThat(doc.tree().at("/throttling/store")).hasToString(
                "{\"type\":\"redis\",\"maxKeys\":1000000,\"uri\":\"redis://cache.internal:6379\",\"onFailure\":\"local\"}");
        assertThat(doc.placeholderPointers()).containsExactly("/throttling/store/uri");
        assertThat(doc.stage()).contains("prod");
    }

    @Test
    void refusesAnUnknownStageListingTheStagesThereAre() throws Exception {
        assertThatThrownBy(() -> loader("prd", PROD_ENV).load(contractExample()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error at /stages: unknown stage \"prd\" (did you mean \"prod\"? stages: dev, prod)");
        assertThatThrownBy(() -> loader("qa", Map.of()).load("apigw.yaml", "version: 1"))
                .hasMessage("config error at /stages: unknown stage \"qa\" (the file defines no stages)");
    }

    @Test
    void checksEveryStageForTyposEvenWhenAnotherIsChosen() {
        String file = """
                version: 1
                stages:
                  dev: { transport: { requireHttps: false } }
                  prod: { transport: { requireHTTPS: true } }
                """;
        assertThatThrownBy(() -> loader("dev", Map.of()).load("apigw.yaml", file))
                .hasMessage("config error at /stages/prod/transport: unknown key \"requireHTTPS\""
                        + " (did you mean \"requireHttps\"?)");
    }

    @Test
    void letsAStageLeaveOutRequiredKeysAndRemoveKeysWithNull() {
        String file = """
                version: 1
                throttling:
                  global: { rate: 100/s, burst: 10 }
                  store: { type: local, maxKeys: 1000 }
                cors: { allowedOrigins: [https://app.example.com] }
                stages:
                  dev:
                    throttling: { global: { burst: 50 }, store: { maxKeys: null } }
                    cors: null
                """;
        JsonNode tree = loader("dev", Map.of()).load("apigw.yaml", file).tree();

        assertThat(tree.at("/throttling/global")).hasToString("{\"rate\":\"100/s\",\"burst\":50}");
        assertThat(tree.at("/throttling/store")).hasToString("{\"type\":\"local\"}");
        assertThat(tree.has("cors")).isFalse();
    }

    @Test
    void checksTheMergedResultSoAStageCannotRemoveWhatIsRequired() {
        String file = """
                version: 1
                throttling: { global: { rate: 100/s } }
                stages:
                  dev: { throttling: { global: { rate: null, burst: 5 } } }
                """;
        assertThatThrownBy(() -> loader("dev", Map.of()).load("apigw.yaml", file))
                .hasMessage("config error at /throttling/global: missing key \"rate\"");
    }

    @Test
    void reportsTheBadRateOfTheContractAtItsPointer() {
        String file = """
                version: 1
                routes:
                  - { path: /health, auth: none }
                  - { path: /pets, auth: [jwt] }
                  - path: /pets
                    methods: [POST]
                    auth: [jwt]
                    throttle: { rate: 10 per sec, burst: 40 }
                """;
        assertThatThrownBy(() -> loader(null, Map.of()).load("apigw.yaml", file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error at /routes/2/throttle/rate: \"10 per sec\" is not a rate (write N/s, N/m or N/h)")
                .hasNoCause();
    }

    @Test
    void reportsEveryErrorOfTheFileAtOnceOneLineEach() {
        String file = """
                version: 1
                cors: { maxAge: 10 minutes }
                routes: [{ path: /a, auth: none, methdos: [GET] }]
                audit: { logger: "" }
                """;
        assertThatThrownBy(() -> loader(null, Map.of()).load("apigw.yaml", file))
                .hasMessage("""
                        config error at /audit/logger: "" is not a logger name (write apigw.audit)
                        config error at /cors/maxAge: "10 minutes" is not a duration (write 500ms, 30s, 5m, 1h or 1d)
                        config error at /routes/0: unknown key "methdos" (did you mean "methods"?)""");
    }

    @Test
    void readsJsonByItsExtensionAndStrictly() throws IOException {
        Path json = Files.writeString(dir.resolve("apigw.json"), "{\"version\": 1, \"cors\": {\"maxAge\": \"5m\"}}");
        assertThat(loader(null, Map.of()).load(json).tree().at("/cors/maxAge").asString()).isEqualTo("5m");

        Path notJson = Files.writeString(dir.resolve("bad.json"), "{version: 1}");
        assertThatThrownBy(() -> loader(null, Map.of()).load(notJson))
                .hasMessageStartingWith("config error at /: cannot parse JSON: ")
                .hasMessageContaining("(line 1, column 2)");
    }

    @Test
    void readsAStreamWithoutClosingIt() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("version: 1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(loader(null, Map.of()).load("stdin", in).tree()).hasToString("{\"version\":1}");
        assertThat(closed[0]).isFalse();
    }

    @Test
    void saysWhenTheFileIsMissingOrNotAFile() {
        assertThatThrownBy(() -> loader(null, Map.of()).load(dir.resolve("nope.yaml")))
                .hasMessageMatching("config error at /: cannot read .*nope\\.yaml: there is no such file");
        assertThatThrownBy(() -> loader(null, Map.of()).load(dir))
                .hasMessageEndingWith(": it is not a regular file");
    }

    @Test
    void theDocumentIsImmutableFromOutside() {
        ConfigDocument doc = loader(null, Map.of()).load("apigw.yaml", "version: 1\ncors: { maxAge: 5m }");
        ((tools.jackson.databind.node.ObjectNode) doc.tree()).remove("cors");
        assertThat(doc.tree().has("cors")).isTrue();
    }
}
