package dev.apigw.security.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lint} from the command line: output formats and exit codes 0, 1 and 2. */
class LintCommandTest {

    private static final String SAFE = """
            version: 1
            authentication:
              jwt: { issuer: https://i.example.com, audiences: [api], jwksUri: https://i.example.com/jwks }
            throttling: { anonymous: { rate: 10/s }, bruteForce: { maxFailures: 5, lockout: 5m } }
            routes:
              - { path: /status, methods: [GET, HEAD], auth: none }
              - { path: /orders, auth: [jwt] }
            stages:
              dev: { transport: { requireHttps: false } }
              prod: { trustedProxies: [10.0.0.0/8] }
            """;

    @TempDir
    Path dir;

    private String write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("apigw.yaml"), yaml).toString();
    }

    @Test
    void aSafeFileExitsZeroWithNoFinding() throws Exception {
        Console run = Console.main("lint", "--config", write(SAFE));

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("0 finding(s): 0 high, 0 medium, 0 low");
    }

    @Test
    void aHighFindingExitsOneWithOneLinePerFinding() throws Exception {
        String file = write(SAFE.replace("prod: { trustedProxies: [10.0.0.0/8] }",
                "prod: { trustedProxies: [0.0.0.0/0], transport: { requireHttps: false } }"));

        Console run = Console.main("lint", "--config", file);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "high trusted-proxies-too-wide /trustedProxies/0 [prod] trustedProxies 0.0.0.0/0 is every address:"
                        + " clients can set their own address; fix: List only your own proxies and load balancers"
                        + " (or their private subnet, e.g. 10.0.0.0/8), or your CDN's published ranges.",
                "high https-off-in-production /transport/requireHttps [prod] requireHttps is false in stage prod,"
                        + " which is named like production; fix: Set transport.requireHttps: true in the production"
                        + " stage; behind a TLS proxy, list it in trustedProxies so X-Forwarded-Proto counts.");
        assertThat(run.err()).contains("2 finding(s): 2 high, 0 medium, 0 low (exit code 1");
    }

    @Test
    void aStageCanBeChosenAndJsonIsAnArray() throws Exception {
        String file = write(SAFE.replace("dev: { transport: { requireHttps: false } }",
                "dev: { transport: { requireHttps: false }, cors: { allowedOrigins: ['*'] } }"));

        Console run = Console.main("lint", "--config", file, "--stage", "dev", "--format", "json");

        assertThat(run.code()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("rule").asString()).isEqualTo("cors-any-origin");
        assertThat(json.get(0).get("stages").get(0).asString()).isEqualTo("dev");
        assertThat(json.get(0).get("why").asString()).isNotBlank();
    }

    @Test
    void aFileThatDoesNotLoadExitsTwoWithItsConfigError() throws Exception {
        Console run = Console.main("lint", "--config", write("version: 1\nroutes: [{path: /x, methdos: [GET]}]\n"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("config error at /routes/0: unknown key \"methdos\"");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(Console.main("lint").code()).isEqualTo(2);
        assertThat(Console.main("lint").err()).contains("--config is required");
        assertThat(Console.main("lint", "--config", write(SAFE), "--format", "xml").err())
                .contains("--format must be text or json");
        assertThat(Console.main("lint", "--config", dir.resolve("missing.yaml").toString()).code()).isEqualTo(2);
    }

    @Test
    void anUndefinedPlaceholderIsANoteNotAFailure() throws Exception {
        String file = write(SAFE.replace("prod: { trustedProxies: [10.0.0.0/8] }",
                "prod: { throttling: { store: { type: redis, uri: '${env:APIGW_TEST_UNSET_REDIS}' } } }"));

        Console run = Console.main("lint", "--config", file);

        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("note: not checked, its placeholder is not defined here:"
                + " /throttling/store/uri ${env:APIGW_TEST_UNSET_REDIS} [prod]");
    }
}
