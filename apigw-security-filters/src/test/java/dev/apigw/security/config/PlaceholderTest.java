package dev.apigw.security.config;

import dev.apigw.security.SecretResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholderTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> sys = new HashMap<>();

    private ConfigDocument load(String yaml) {
        return ConfigDocumentLoader.builder().environment(env::get).systemProperties(sys::get)
                .baseDirectory(dir).build().load("apigw.yaml", "version: 1\n" + yaml);
    }

    private String issuer(String placeholder) {
        return load("authentication: { jwt: { issuer: '" + placeholder + "', jwksUri: 'https://x/jwks' } }")
                .tree().at("/authentication/jwt/issuer").asString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${env:ISSUER} | https://issuer.example.com",
            "${env:ISSUER:-https://fallback} | https://issuer.example.com",
            "${env:UNSET:-https://fallback} | https://fallback",
            "${env:EMPTY:-https://fallback} | https://fallback",
            "pre-${env:UNSET:-} | pre-",
            "${sys:apigw.issuer} | https://sys.example.com",
            "https://${env:HOST}/realms/${sys:realm} | https://idp.internal/realms/pets",
            "$${env:ISSUER} | ${env:ISSUER}",
            "cost: $5 and $$ | cost: $5 and $$",
    })
    void resolvesPlaceholdersInsideStringValues(String written, String resolved) {
        env.putAll(Map.of("ISSUER", "https://issuer.example.com", "EMPTY", "", "HOST", "idp.internal"));
        sys.putAll(Map.of("apigw.issuer", "https://sys.example.com", "realm", "pets"));
        assertThat(issuer(written)).isEqualTo(resolved);
    }

    @Test
    void recordsEveryValueThatCameFromAPlaceholder() {
        env.putAll(Map.of("A", "x", "B", "y"));
        ConfigDocument doc = load("audit: { redactJsonFields: ['${env:A}', plain, 'pre-${env:B}-${env:A}', '$${literal}'] }");
        assertThat(doc.placeholderPointers())
                .containsExactlyInAnyOrder("/audit/redactJsonFields/0", "/audit/redactJsonFields/2");
        assertThat(doc.show("/audit/redactJsonFields/2")).isEqualTo("(value from ${env:B}, ${env:A})");
        assertThat(doc.show("/audit/redactJsonFields/1")).isEqualTo("\"plain\"");
    }

    @Test
    void aVariableCannotInjectYamlStructure() {
        env.put("ISSUER", "x\nrequireHttps: false\n}]: {");
        JsonNode tree = load("authentication: { jwt: { issuer: '${env:ISSUER}', jwksUri: 'https://x' } }").tree();
        assertThat(tree.at("/authentication/jwt/issuer").asString()).isEqualTo("x\nrequireHttps: false\n}]: {");
        assertThat(tree.has("requireHttps")).isFalse();
    }

    @Test
    void resolvedTextIsNotScannedAgain() throws IOException {
        Files.writeString(dir.resolve("secret"), "top-secret");
        env.put("TRICK", "${file:secret}");
        assertThat(issuer("${env:TRICK}")).isEqualTo("${file:secret}");
    }

    @Test
    void reportsEveryUndefinedVariableByNameAndPointerNeverAValue() {
        env.put("DEFINED", "s3cr3t-value");
        assertThatThrownBy(() -> load("""
                authentication: { jwt: { issuer: '${env:DEFINED}-${env:ISSUER}', secret: '${env:JWT_SECRET}' } }
                audit: { logger: '${sys:log.name}' }
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                        config error at /audit/logger: ${sys:log.name} is not defined (set the system property with -D, or write ${sys:log.name:-default})
                        config error at /authentication/jwt/issuer: ${env:ISSUER} is not defined (set the environment variable, or write ${env:ISSUER:-default})
                        config error at /authentication/jwt/secret: ${env:JWT_SECRET} is not defined (set the environment variable, or write ${env:JWT_SECRET:-default})""")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anEmptyDefaultIsAnEmptyString() {
        assertThatThrownBy(() -> issuer("${env:UNSET:-}"))
                .hasMessage("config error at /authentication/jwt/issuer: (value from ${env:UNSET}) is empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${env:OPEN | has an unclosed placeholder \"${env:OPEN\" (close it with }, or write $${ for a literal ${)",
            "${ISSUER} | has a placeholder without a scheme, \"${ISSUER}\" (write ${env:NAME}, ${sys:NAME} or ${file:PATH}; $${ for a literal ${)",
            "${env:A:-${env:B}} | nests placeholders in \"${env:A:-${env:B}\" (placeholders cannot be nested)",
            "${env:} | has a placeholder that names nothing, \"${env:}\"",
            "${vault:db/password} | ${vault:db/password} uses an unknown scheme \"vault\" (known: env, file, sys)",
    })
    void refusesMalformedPlaceholders(String written, String message) {
        assertThatThrownBy(() -> issuer(written))
                .hasMessage("config error at /authentication/jwt/issuer: " + message);
    }

    @Test
    void readsAFileRelativeToTheConfigurationTrimmingOneLineBreak() throws IOException {
        Files.writeString(dir.resolve("issuer.txt"), "https://issuer.example.com\n\n");
        Files.writeString(dir.resolve("crlf.txt"), "https://crlf.example.com\r\n");
        assertThat(issuer("${file:issuer.txt}")).isEqualTo("https://issuer.example.com\n");
        assertThat(issuer("${file:crlf.txt}")).isEqualTo("https://crlf.example.com");
        assertThat(issuer("${file:" + dir.resolve("crlf.txt").toAbsolutePath() + "}"))
                .isEqualTo("https://crlf.example.com");
        assertThat(issuer("${file:missing.txt:-https://default}")).isEqualTo("https://default");
    }

    @Test
    void refusesFilesThatAreMissingTooLargeNotRegularOrNotText() throws IOException {
        Files.write(dir.resolve("big"), new byte[64 * 1024 + 1]);
        Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe});
        Files.createDirectory(dir.resolve("folder"));
        String base = dir.toAbsolutePath().normalize().toString();

        assertThatThrownBy(() -> issuer("${file:missing.txt}")).hasMessage("config error at /authentication/jwt/issuer:"
                + " ${file:missing.txt} is not defined (no file at " + base + "/missing.txt, or write"
                + " ${file:missing.txt:-default})");
        assertThatThrownBy(() -> issuer("${file:big}"))
                .hasMessageEndingWith("${file:big} cannot be read: " + base + "/big is larger than 64KiB");
        assertThatThrownBy(() -> issuer("${file:folder}"))
                .hasMessageEndingWith("${file:folder} cannot be read: " + base + "/folder is not a regular file");
        assertThatThrownBy(() -> issuer("${file:binary}"))
                .hasMessageEndingWith("${file:binary} cannot be read: " + base + "/binary is not UTF-8 text");
    }

    @Test
    void takesExtraSchemesFromTheApplication() {
        SecretResolver vault = new SecretResolver() {
            @Override
            public String scheme() {
                return "vault";
            }

            @Override
            public Optional<String> resolve(String reference) {
                return reference.equals("jwt/issuer") ? Optional.of("https://vault.example.com") : Optional.empty();
            }
        };
        ConfigDocument doc = ConfigDocumentLoader.builder().environment(k -> null).resolver(vault).build()
                .load("a.yaml", "version: 1\nauthentication: { jwt: { issuer: '${vault:jwt/issuer}', jwksUri: 'https://x' } }");
        assertThat(doc.tree().at("/authentication/jwt/issuer").asString()).isEqualTo("https://vault.example.com");
        assertThat(doc.placeholderPointers()).containsExactly("/authentication/jwt/issuer");
    }

    @Test
    void namesAFailingResolverWithoutItsMessageAndKeepsItAsTheCause() {
        SecretResolver broken = new SecretResolver() {
            @Override
            public String scheme() {
                return "vault";
            }

            @Override
            public Optional<String> resolve(String reference) {
                throw new IllegalStateException("connection refused to vault.internal");
            }
        };
        assertThatThrownBy(() -> ConfigDocumentLoader.builder().resolver(broken).build()
                .load("a.yaml", "version: 1\naudit: { logger: '${vault:x}' }"))
                .hasMessage("config error at /audit/logger: ${vault:x} could not be resolved (IllegalStateException)")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToReplaceABuiltInScheme() {
        SecretResolver fakeEnv = new SecretResolver() {
            @Override
            public String scheme() {
                return "env";
            }

            @Override
            public Optional<String> resolve(String reference) {
                return Optional.empty();
            }
        };
        assertThatIllegalArgumentException().isThrownBy(() -> ConfigDocumentLoader.builder().resolver(fakeEnv))
                .withMessage("the scheme \"env\" is already taken");
    }

    @Test
    void givesNumbersAndBooleansTheTypeTheSchemaWants() {
        env.putAll(Map.of("BURST", "40", "HTTPS", "true", "VERSION", "1"));
        JsonNode tree = ConfigDocumentLoader.builder().environment(env::get).build().load("a.yaml", """
                version: ${env:VERSION}
                transport: { requireHttps: '${env:HTTPS}' }
                throttling: { global: { rate: 10/s, burst: '${env:BURST}' } }
                audit: { logger: '${env:BURST}' }
                """).tree();
        assertThat(tree.at("/version").isInt() || tree.at("/version").isLong()).isTrue();
        assertThat(tree.at("/throttling/global/burst").asLong()).isEqualTo(40);
        assertThat(tree.at("/throttling/global/burst").isNumber()).isTrue();
        assertThat(tree.at("/transport/requireHttps").isBoolean()).isTrue();
        assertThat(tree.at("/audit/logger").isString()).as("a string stays a string").isTrue();
    }

    @Test
    void resolvesOnlyTheChosenStage() {
        String file = """
                version: 1
                stages:
                  dev: { audit: { logger: dev.audit } }
                  prod: { throttling: { store: { type: redis, uri: "${env:REDIS_URI}" } } }
                """;
        ConfigDocumentLoader dev = ConfigDocumentLoader.builder().stage("dev").environment(k -> null).build();
        assertThat(dev.load("a.yaml", file).tree().at("/audit/logger").asString()).isEqualTo("dev.audit");

        ConfigDocumentLoader prod = ConfigDocumentLoader.builder().stage("prod").environment(k -> null).build();
        assertThatThrownBy(() -> prod.load("a.yaml", file)).hasMessage("config error at /throttling/store/uri:"
                + " ${env:REDIS_URI} is not defined (set the environment variable, or write ${env:REDIS_URI:-default})");
    }
}
