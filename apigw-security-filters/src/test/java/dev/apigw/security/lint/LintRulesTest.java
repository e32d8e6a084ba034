package dev.apigw.security.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each rule flags its mistake and passes the fixed configuration; both are one patch over a clean file. */
class LintRulesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> mistakesAndFixes() {
        String routes = "routes: [{path: /health, methods: [GET], auth: none}, ";
        return Stream.of(
                arguments("public-by-default", "defaults: {auth: none}", "defaults: {auth: [jwt]}"),
                arguments("public-by-default", routes + "{path: '/**', methods: [GET], auth: none}]",
                        routes + "{path: '/**', methods: [GET], auth: [jwt]}]"),
                arguments("public-admin-route", routes + "{path: /actuator/env, methods: [GET], auth: none}]",
                        routes + "{path: /actuator/env, methods: [GET], auth: [jwt], scopes: [ops]}]"),
                arguments("public-admin-route", routes + "{path: /v1/admin-panel, methods: [GET], auth: none}]",
                        routes + "{path: /v1/pets, methods: [GET], auth: none}]"),
                arguments("public-write-route", routes + "{path: /orders, methods: [GET, POST], auth: none}]",
                        routes + "{path: /orders, methods: [GET], auth: none}]"),
                arguments("public-write-route", "defaults: {auth: none}\n" + routes + "{path: /o, methods: [DELETE]}]",
                        "defaults: {auth: [jwt]}\n" + routes + "{path: /o, methods: [DELETE]}]"),
                arguments("cors-credentials-broad", "cors: {allowedOrigins: ['http://app.example.com'],"
                        + " allowCredentials: true}", "cors: {allowedOrigins: ['https://app.example.com'],"
                        + " allowCredentials: true}"),
                arguments("cors-credentials-broad", "cors: {allowedOrigins: ['null'], allowCredentials: true}",
                        "cors: {allowedOrigins: ['null'], allowCredentials: false}"),
                arguments("cors-credentials-broad", "cors: {allowedOrigins: ['*'], allowCredentials: true}",
                        "cors: {allowedOrigins: ['https://app.example.com'], allowCredentials: true}"),
                arguments("trusted-proxies-too-wide", "trustedProxies: [0.0.0.0/0]", "trustedProxies: [10.0.0.0/8]"),
                arguments("trusted-proxies-too-wide", "trustedProxies: ['::/0']", "trustedProxies: ['fd00::/8']"),
                arguments("trusted-proxies-too-wide", "trustedProxies: [172.0.0.0/8]",
                        "trustedProxies: [172.16.0.0/12, 198.51.100.0/24]"),
                arguments("https-off-in-production", "stages: {prod: {transport: {requireHttps: false}}}",
                        "stages: {prod: {transport: {requireHttps: true}}}"),
                arguments("jwks-over-http", "authentication: {jwt: {jwksUri: 'http://issuer.example.com/jwks'}}",
                        "authentication: {jwt: {jwksUri: 'http://127.0.0.1:8081/jwks'}}"),
                arguments("inline-secret", "authentication: {jwt: {jwksUri: null, secret: " + LintFixture.LONG_SECRET
                        + ", algorithms: [HS256]}}", "authentication: {jwt: {jwksUri: null, secret: '${env:JWT_SECRET}',"
                        + " algorithms: [HS256]}}"),
                arguments("inline-secret", "authentication: {apiKeys: {store: {type: jdbc, table: apigw_api_keys,"
                        + " url: 'jdbc:postgresql://db/keys?user=gw&password=hunter2'}}}",
                        "authentication: {apiKeys: {store: {type: jdbc, table: apigw_api_keys, url: '${env:KEYS_URL}'}}}"),
                arguments("hs-secret-too-short", "authentication: {jwt: {jwksUri: null, secret: '${env:SHORT_SECRET}'}}",
                        "authentication: {jwt: {jwksUri: null, secret: '${env:JWT_SECRET}'}}"),
                arguments("hs-secret-too-short", "authentication: {jwt: {jwksUri: null, secret: '${env:JWT_SECRET}',"
                        + " algorithms: [HS512]}}", "authentication: {jwt: {jwksUri: null, secret: '${env:JWT_SECRET}',"
                        + " algorithms: [HS384]}}"),
                arguments("public-any-method", "routes: [{path: /health, auth: none}]",
                        "routes: [{path: /health, methods: [GET, HEAD], auth: none}]"),
                arguments("no-throttling", "throttling: null", "throttling: {global: {rate: 100/s}}"),
                arguments("no-throttling", "throttling: null", "throttling: null\nusagePlans: {free: {rate: 5/s}}"),
                arguments("public-route-unthrottled", "throttling: {anonymous: null}",
                        "throttling: {anonymous: null}\n" + routes.replace("auth: none", "auth: none, throttle:"
                                + " {rate: 5/s}") + "{path: /pets, auth: [jwt]}]"),
                arguments("no-brute-force-lockout", "throttling: {bruteForce: null}",
                        "throttling: {bruteForce: {maxFailures: 5}}"),
                arguments("cors-any-origin", "cors: {allowedOrigins: ['*']}",
                        "cors: {allowedOrigins: ['https://app.example.com']}"),
                arguments("cors-any-origin", routes + "{path: /p, auth: [jwt], cors: {allowedOrigins: ['*']}}]",
                        routes + "{path: /p, auth: [jwt], cors: {allowedOrigins: ['https://a.example.com']}}]"),
                arguments("cors-wide-wildcard", "cors: {allowedOrigins: ['https://*.github.io']}",
                        "cors: {allowedOrigins: ['https://*.example.com']}"),
                arguments("api-key-without-expiry", apiKeys("keys-forever.json"), apiKeys("keys-expiring.json")),
                arguments("audit-redaction-missing", "audit: {redactHeaders: [Cookie]}",
                        "audit: {redactHeaders: [Cookie, authorization]}"),
                arguments("audit-redaction-missing", apiKeys("keys-expiring.json").replace("apiKeys: {",
                        "apiKeys: {header: X-Partner-Key, "), apiKeys("keys-expiring.json").replace("apiKeys: {",
                        "apiKeys: {header: X-Partner-Key, ") + "\naudit: {redactHeaders: [Authorization, X-Partner-Key]}"),
                arguments("jwt-without-audience", "authentication: {jwt: {audiences: null}}",
                        "authentication: {jwt: {audiences: [orders-api]}}"),
                arguments("cors-credentials-subdomains", "cors: {allowedOrigins: ['https://*.example.com'],"
                        + " allowCredentials: true}", "cors: {allowedOrigins: ['https://*.example.com']}"),
                arguments("same-config-every-stage", "stages: null", ""),
                arguments("same-config-every-stage", "stages: {staging: {}}", "stages: {staging: {ipPolicy:"
                        + " {allow: [10.0.0.0/8]}}}"),
                arguments("api-key-file-unreadable", apiKeys("missing.json"), apiKeys("keys-expiring.json")),
                arguments("api-key-file-unreadable", apiKeys("broken.json"), apiKeys("keys-expiring.json")));
    }

    private static String apiKeys(String file) {
        return "authentication: {apiKeys: {store: {type: file, path: " + file + "}}}";
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mistakesAndFixes")
    void flagsTheMistakeAndPassesTheFix(String rule, String mistake, String fix) {
        LintFixture fixture = new LintFixture(dir);
        fixture.write("broken.json", "{\"keys\":[{\"id\":\"k-1\"}]}");

        assertThat(LintFixture.ruleIds(fixture.lintPatched(mistake))).contains(rule);
        assertThat(LintFixture.ruleIds(fixture.lintPatched(fix))).doesNotContain(rule);
    }

    @Test
    void everyRuleHasACase() {
        assertThat(mistakesAndFixes().map(a -> (String) a.get()[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(Linter.rules().stream().map(Rule::id).toList());
    }

    @Test
    void theCleanConfigurationHasNoFinding() {
        LintReport report = new LintFixture(dir).lintPatched("");

        assertThat(report.findings()).isEmpty();
        assertThat(report.hasHigh()).isFalse();
    }
}
