package dev.apigw.security.lint;

import dev.apigw.security.config.ConfigDocumentLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A configuration that the linter finds nothing in ({@link #CLEAN}), and the means to lint it with one change: a
 * YAML patch merged over it as RFC 7396 says, written with two key files beside it, linted with a fixed environment.
 */
final class LintFixture {

    /** Triggers no rule at all; each rule's test breaks one thing in it. */
    static final String CLEAN = """
            version: 1
            trustedProxies: [10.0.0.0/8]
            transport: { requireHttps: true }
            authentication:
              jwt:
                issuer: https://issuer.example.com
                audiences: [pets-api]
                jwksUri: https://issuer.example.com/jwks.json
            throttling:
              global: { rate: 1000/s, burst: 2000 }
              anonymous: { rate: 10/s, burst: 20 }
              bruteForce: { maxFailures: 10, window: 1m, lockout: 15m }
            routes:
              - { path: /health, methods: [GET], auth: none }
              - { path: /pets, auth: [jwt] }
            stages:
              dev: { transport: { requireHttps: false } }
              prod: { trustedProxies: [10.1.0.0/16] }
            """;

    /** 48 characters, 384 bits. */
    static final String LONG_SECRET = "a-secret-of-forty-eight-characters-for-the-tests";
    static final Map<String, String> ENVIRONMENT = Map.of("JWT_SECRET", LONG_SECRET, "SHORT_SECRET", "sixteen-chars!!!",
            "KEYS_URL", "jdbc:postgresql://db.example.com/keys");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Path dir;

    LintFixture(Path dir) {
        this.dir = dir;
        write("keys-expiring.json", """
                {"keys":[{"id":"k-1","hash":"sha256:%s","plan":"gold","principal":"partner-a","scopes":[],
                 "expiresAt":"2030-01-01T00:00:00Z","revoked":false}]}""".formatted("a".repeat(64)));
        write("keys-forever.json", """
                {"keys":[{"id":"k-2","hash":"sha256:%s","plan":"gold","principal":"partner-b","scopes":[],
                 "revoked":false},
                 {"id":"k-3","hash":"sha256:%s","plan":"gold","principal":"partner-c","scopes":[],"revoked":true}]}"""
                .formatted("b".repeat(64), "c".repeat(64)));
    }

    static Linter linter() {
        return Linter.standard().withLoader(() -> ConfigDocumentLoader.builder()
                .environment(ENVIRONMENT::get).systemProperties(name -> null));
    }

    /** Lints {@link #CLEAN} with {@code patch} merged over it, every stage. */
    LintReport lintPatched(String patch) {
        return lintPatched(patch, null);
    }

    LintReport lintPatched(String patch, String stage) {
        return lint(merge(read(CLEAN), read(patch)).toString(), "apigw.json", stage);
    }

    /** Lints a file with this content (YAML, or JSON when the name ends in .json). */
    LintReport lint(String content, String fileName, String stage) {
        return linter().lint(write(fileName, content), stage);
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ruleIds(LintReport report) {
        return report.findings().stream().map(f -> f.rule().id()).toList();
    }

    private static JsonNode read(String yaml) {
        return yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
    }

    /** RFC 7396, as the stages merge: objects merge, anything else replaces, null removes. */
    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode p) || !(target instanceof ObjectNode t)) {
            return patch;
        }
        for (String key : List.copyOf(p.propertyNames())) {
            if (p.get(key).isNull()) {
                t.remove(key);
            } else {
                t.set(key, t.has(key) ? merge(t.get(key), p.get(key)) : p.get(key));
            }
        }
        return t;
    }
}
