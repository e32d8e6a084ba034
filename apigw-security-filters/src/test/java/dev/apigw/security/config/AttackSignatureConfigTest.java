package dev.apigw.security.config;

import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validation.attackSignatures} from the file to a decision, with a route's exclusions. */
class AttackSignatureConfigTest {

    private static SecurityChain chain(String mode) {
        String yaml = """
                version: 1
                transport: { requireHttps: false }
                validation:
                  attackSignatures: { mode: %s, categories: [sqli, xss, traversal] }
                routes:
                  - path: /search
                    auth: none
                  - path: /notes
                    auth: none
                    validate:
                      attackSignatures: { exclude: [html] }
                """.formatted(mode);
        return SecurityChain.create(ConfigLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", null));
    }

    @Test
    void blockModeRefusesAnInjectionInTheQueryWithoutEchoingIt() {
        var ex = chain("block").evaluate(FakeRequest.get("/search").query("q", "1' OR '1'='1' --").build());
        assertThat(ex.problem().reason()).isEqualTo("attack_signature");
        assertThat(ex.problem().status()).isEqualTo(403);
        assertThat(ex.problem().detail()).doesNotContain("OR '1'");
    }

    @Test
    void ordinaryValuesPass() {
        var ex = chain("block").evaluate(FakeRequest.get("/search").query("name", "O'Brien")
                .query("topic", "select a union rep").query("mood", "I <3 it").build());
        assertThat(ex.rejected()).isFalse();
    }

    @Test
    void excludedFieldsOfARouteAreNotScanned() {
        var chain = chain("block");
        assertThat(chain.evaluate(FakeRequest.get("/notes").query("html", "<script>alert(1)</script>").build())
                .rejected()).isFalse();
        assertThat(chain.evaluate(FakeRequest.get("/notes").query("other", "<script>alert(1)</script>").build())
                .problem().reason()).isEqualTo("attack_signature");
    }

    @Test
    void logModeLetsTheRequestThrough() {
        assertThat(chain("log").evaluate(FakeRequest.get("/search").query("q", "<script>alert(1)</script>").build())
                .rejected()).isFalse();
    }
}
