package dev.apigw.security.config;

import dev.apigw.security.auth.apikey.ApiKeyFile;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code authentication.apiKeys} from the YAML file to a decision, with a real key file on disk. */
class ApiKeyConfigTest {

    @TempDir
    Path dir;

    private Path writeConfig(String keysPath) throws Exception {
        Path config = dir.resolve("apigw.yaml");
        Files.writeString(config, """
                version: 1
                transport: { requireHttps: false }
                authentication:
                  apiKeys:
                    header: X-Api-Key
                    store: { type: file, path: %s }
                routes:
                  - path: /pets
                    auth: [apiKey]
                    scopes: [pets:read]
                """.formatted(keysPath));
        return config;
    }

    @Test
    void keyFromTheFileRelativeToTheConfigAuthenticates() throws Exception {
        ApiKeyFile.Issued issued = ApiKeyFile.empty()
                .create("partner-a", "gold", List.of("pets:read"), Instant.parse("2099-01-01T00:00:00Z"));
        issued.file().write(dir.resolve("keys.json"));
        try (SecurityChain chain = SecurityChain.create(ConfigLoader.load(writeConfig("keys.json"), null))) {
            var ok = chain.evaluate(FakeRequest.get("/pets").header("X-Api-Key", issued.key()).build());
            assertThat(ok.rejected()).isFalse();
            assertThat(ok.identity().principal()).isEqualTo("partner-a");
            assertThat(ok.identity().apiKeyId()).isEqualTo(issued.stored().id());
            assertThat(ok.identity().plan()).isEqualTo("gold");
            var bad = chain.evaluate(FakeRequest.get("/pets").header("X-Api-Key", issued.key() + "x").build());
            assertThat(bad.problem().reason()).isEqualTo("invalid_credentials");
            var inQuery = chain.evaluate(FakeRequest.get("/pets").query("api_key", issued.key()).build());
            assertThat(inQuery.problem().reason()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void missingKeyFileStopsStartUpAtItsPointer() throws Exception {
        Path config = writeConfig("nope.json");
        assertThatThrownBy(() -> ConfigLoader.load(config, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config error at /authentication/apiKeys/store/path");
    }
}
