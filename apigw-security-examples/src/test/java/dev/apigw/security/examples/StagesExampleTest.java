package dev.apigw.security.examples;

import dev.apigw.security.config.ConfigDocumentLoader;
import dev.apigw.security.config.ConfigLoader;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.ip.Cidr;
import dev.apigw.security.lint.LintReport;
import dev.apigw.security.lint.Linter;
import dev.apigw.security.route.RouteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked stages example loads for every stage, each stage changes what it says, and lint finds nothing high. */
class StagesExampleTest {

    static Path example() throws URISyntaxException {
        return Path.of(StagesExampleTest.class.getResource("stages-example.yaml").toURI());
    }

    static GatewayConfig load(String stage, Map<String, String> env) throws URISyntaxException {
        return ConfigLoader.load(ConfigDocumentLoader.builder().stage(stage).environment(env::get)
                .systemProperties(k -> null).build(), example());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dev", "staging", "prod"})
    void loadsForEveryStage(String stage) throws Exception {
        GatewayConfig config = load(stage.isEmpty() ? null : stage, Map.of());

        assertThat(config.routes()).extracting(RouteConfig::path).contains("/health", "/pets", "/pets/{id}");
        assertThat(config.jwt().audiences()).containsExactly("pets-api");
    }

    @Test
    void devRunsOnPlainHttpForThisMachineWithALocalIssuer() throws Exception {
        GatewayConfig dev = load("dev", Map.of());

        assertThat(dev.transport().requireHttps()).isFalse();
        assertThat(dev.transport().hsts()).isNull();
        assertThat(dev.trustedProxies().isEmpty()).isTrue();
        assertThat(dev.ipPolicy().allow().ranges()).containsExactly(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1"));
        assertThat(dev.jwt().issuer()).isEqualTo("http://localhost:9000");
        assertThat(dev.jwt().algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
        assertThat(dev.routes()).hasSize(5).noneMatch(r -> r.ipPolicy() != null);
    }

    @Test
    void stagingHasItsOwnIssuerAndLetsThePartnerIn() throws Exception {
        GatewayConfig staging = load("staging", Map.of());

        assertThat(staging.transport().requireHttps()).isTrue();
        assertThat(staging.jwt().issuer()).isEqualTo("https://issuer.staging.example.com");
        assertThat(staging.ipPolicy().allow().ranges()).contains(Cidr.parse("203.0.113.0/24"));
    }

    @Test
    void prodTrustsOnlyTheLoadBalancersAndReadsTheJwksFromTheEnvironment() throws Exception {
        GatewayConfig prod = load("prod", Map.of("APIGW_JWKS_URI", "https://idp.eu.example.com/jwks.json"));

        assertThat(prod.trustedProxies().ranges()).containsExactly(Cidr.parse("10.20.0.0/16"));
        assertThat(prod.transport().hsts().maxAge()).isEqualTo(java.time.Duration.ofDays(730));
        assertThat(prod.jwt().jwks().orElseThrow().uri()).hasToString("https://idp.eu.example.com/jwks.json");
        assertThat(load("prod", Map.of()).jwt().jwks().orElseThrow().uri())
                .hasToString("https://issuer.example.com/.well-known/jwks.json");
        assertThat(prod.ipPolicy().deny().ranges()).containsExactly(Cidr.parse("203.0.113.7"));
    }

    @Test
    void lintFindsNothingHighInAnyStage() throws Exception {
        LintReport report = Linter.standard().withLoader(() -> ConfigDocumentLoader.builder()
                .environment(k -> null).systemProperties(k -> null)).lint(example(), null);

        assertThat(report.hasHigh()).as(report.text()).isFalse();
        assertThat(report.findings()).extracting(f -> f.rule().id())
                .doesNotContain("same-config-every-stage", "audit-redaction-missing", "trusted-proxies-too-wide");
    }
}
