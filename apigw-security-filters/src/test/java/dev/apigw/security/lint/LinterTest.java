package dev.apigw.security.lint;

import dev.apigw.security.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The linter as a whole: stages, the contract's example, the output formats and what it never prints. */
class LinterTest {

    @TempDir
    Path dir;

    @Test
    void theContractExampleGetsOnlyWhatItDeserves() throws IOException {
        LintFixture fixture = new LintFixture(dir);
        Files.copy(dir.resolve("keys-expiring.json"), dir.resolve("keys.json"));
        LintReport report = fixture.lint(resource("/dev/apigw/security/config/contract-example.yaml"),
                "apigw.yaml", null);

        assertThat(report.findings()).extracting(f -> f.rule().id(), Finding::pointer, Finding::stages)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("public-any-method", "/routes/0",
                                List.of(Linter.BASE, "dev", "prod")),
                        org.assertj.core.groups.Tuple.tuple("cors-credentials-subdomains", "/cors/allowedOrigins/1",
                                List.of(Linter.BASE, "prod")));
        assertThat(report.hasHigh()).isFalse();
        assertThat(report.unchecked()).singleElement().hasToString("/throttling/store/uri ${env:REDIS_URI} [prod]");
    }

    @Test
    void namesEveryStageAFindingIsIn() {
        LintReport report = new LintFixture(dir).lintPatched("stages: {dev: {trustedProxies: [0.0.0.0/0]},"
                + " prod: {trustedProxies: [0.0.0.0/0]}}");

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("trusted-proxies-too-wide");
            assertThat(f.stages()).containsExactly("dev", "prod");
        });
    }

    @Test
    void aChosenStageIsLintedAlone() {
        LintFixture fixture = new LintFixture(dir);
        String patch = "stages: {dev: {trustedProxies: [0.0.0.0/0]}, prod: {cors: {allowedOrigins: ['*']}}}";

        assertThat(LintFixture.ruleIds(fixture.lintPatched(patch, "prod"))).containsExactly("cors-any-origin");
        assertThat(fixture.lintPatched(patch, "prod").findings().get(0).stages()).containsExactly("prod");
    }

    @Test
    void aChosenStageThatChangesNothingIsFound() {
        LintReport report = new LintFixture(dir).lintPatched("stages: {qa: {}}", "qa");

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule().id()).isEqualTo("same-config-every-stage");
            assertThat(f.pointer()).isEqualTo("/stages/qa");
        });
    }

    @Test
    void aFileThatDoesNotLoadIsTheGatewaysConfigError() {
        LintFixture fixture = new LintFixture(dir);

        assertThatThrownBy(() -> fixture.lint("version: 1\nroutes: [{path: /x, auht: none}]\n", "a.yaml", null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("config error at /routes/0");
        assertThatThrownBy(() -> fixture.lintPatched("", "nope"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown stage \"nope\"");
    }

    @Test
    void aBrokenStageIsReportedWithItsName() {
        // only wrong once merged: the stage takes away the base's jwksUri, leaving neither it nor a secret
        assertThatThrownBy(() -> new LintFixture(dir).lintPatched("stages: {qa: {authentication: {jwt: {jwksUri:"
                + " null}}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config error at /authentication/jwt: (stage qa) write either jwksUri");
    }

    @Test
    void anUndefinedPlaceholderIsListedNotFailed() {
        LintReport report = new LintFixture(dir).lintPatched(
                "authentication: {jwt: {jwksUri: null, secret: '${env:NOT_SET_HERE}'}}");

        assertThat(LintFixture.ruleIds(report)).doesNotContain("hs-secret-too-short", "inline-secret");
        assertThat(report.unchecked()).extracting(LintReport.Unchecked::stage)
                .containsExactly(Linter.BASE, "dev", "prod");
        assertThat(report.unchecked().get(0).pointer()).isEqualTo("/authentication/jwt/secret");
    }

    @Test
    void textHasOneLinePerFindingWithSeverityRulePointerStagesMessageAndFix() {
        LintReport report = new LintFixture(dir).lintPatched("trustedProxies: [0.0.0.0/0]");

        assertThat(report.text()).isEqualTo("high trusted-proxies-too-wide /trustedProxies/0 [(base), dev] "
                + "trustedProxies 0.0.0.0/0 is every address: clients can set their own address; fix: "
                + Linter.rules().stream().filter(r -> r.id().equals("trusted-proxies-too-wide")).findFirst()
                .orElseThrow().fix() + "\n");
        assertThat(report.hasHigh()).isTrue();
    }

    @Test
    void jsonIsAnArrayOfFindings() {
        LintReport report = new LintFixture(dir).lintPatched("throttling: {bruteForce: null}");
        JsonNode json = JsonMapper.builder().build().readTree(report.json());

        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).propertyNames())
                .containsExactly("severity", "rule", "pointer", "stages", "message", "why", "fix");
        assertThat(json.get(0).get("severity").asString()).isEqualTo("medium");
        assertThat(json.get(0).get("rule").asString()).isEqualTo("no-brute-force-lockout");
        assertThat(json.get(0).get("stages")).hasSize(3);
        assertThat(JsonMapper.builder().build().readTree(new LintFixture(dir).lintPatched("").json())).isEmpty();
    }

    @Test
    void neverPrintsASecret() {
        LintFixture fixture = new LintFixture(dir);
        String inline = "s3cr3t-inline-value-of-more-than-thirty-two-bytes";
        LintReport report = fixture.lintPatched("authentication: {jwt: {jwksUri: null, secret: " + inline + "},"
                + " apiKeys: {store: {type: jdbc, table: t, url: 'jdbc:postgresql://db/k?password=hunter2'}}}");

        assertThat(LintFixture.ruleIds(report)).contains("inline-secret");
        assertThat(report.text() + report.json()).doesNotContain(inline, "hunter2");
    }

    @Test
    void rulesAreUniqueAndMostSevereFirst() {
        List<Rule> rules = Linter.rules();

        assertThat(rules).extracting(Rule::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+"));
        assertThat(rules).extracting(Rule::severity).isSorted();
    }

    @Test
    void docsListEveryRule() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "lint.md"));

        for (Rule rule : Linter.rules()) {
            assertThat(docs).as(rule.id()).contains("`" + rule.id() + "`");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LinterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
