package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A value read from a placeholder may be a secret: no message, cause, stack trace or toString() may carry it. */
class SecretNeverShownTest {

    private static final String SECRET = "S3CR3T-zeta-9f8e";
    private static final String LONG_SECRET = "S3CR3T-" + "k".repeat(100) + "-tail";
    private static final Map<String, String> ENV = Map.of(
            "SECRET", SECRET, "LONG_SECRET", LONG_SECRET, "LINE_SECRET", SECRET + "\nsecond line", "GET", "GET");

    private static ConfigDocumentLoader loader() {
        return ConfigDocumentLoader.builder().environment(ENV::get).systemProperties(k -> null).build();
    }

    private static String everythingPrinted(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out + "\n" + e;
    }

    private static void assertNoSecretIn(String printed) {
        assertThat(printed).doesNotContain("S3CR3T", "zeta-9f8e", "kkkkkkkk");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "routes: [{ path: /a, auth: none, throttle: { rate: '${env:SECRET}' } }]",
            "throttling: { global: { rate: 1/s, burst: '${env:SECRET}' } }",
            "validation: { attackSignatures: { mode: '${env:SECRET}' } }",
            "version: '${env:SECRET}'",
            "routes: [{ path: '${env:SECRET}', auth: none }]",
            "routes: [{ path: /a, auth: '${env:SECRET}' }]",
            "cors: { maxAge: '${env:LONG_SECRET}' }",
            "cors: { maxAge: 'prefix ${env:LINE_SECRET}' }",
            "throttling: { store: { type: redis, uri: '${env:LONG_SECRET}' } }",
            "ipPolicy: { allow: ['${env:SECRET}'] }",
            "validation: { maxBodySize: '${env:SECRET}' }",
            "authentication: { jwt: { jwksUri: '${env:SECRET}' } }",
    })
    void schemaErrorsNameThePlaceholderInstead(String section) {
        String file = section.startsWith("version") ? section : "version: 1\n" + section;
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader().load("a.yaml", file));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("(value from ${env:");
        assertNoSecretIn(everythingPrinted(e));
    }

    @Test
    void aDuplicateItemIsNamedByItsPlaceholder() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader().load("a.yaml",
                "version: 1\ncors: { allowedMethods: [GET, '${env:GET}'] }"));
        assertThat(e).hasMessage("config error at /cors/allowedMethods: lists (value from ${env:GET}) more than once");
    }

    @Test
    void mapperErrorsThroughTheDocumentLeaveTheValueOut() {
        ConfigDocument doc = loader().load("a.yaml",
                "version: 1\naudit: { logger: apigw.audit, redactJsonFields: ['${env:SECRET}', plain] }");

        ConfigException parsed = doc.error("/audit/redactJsonFields/0",
                catchThrowableOfType(IllegalArgumentException.class, () -> RateFormat.parse(SECRET)));
        assertThat(parsed).hasMessage("config error at /audit/redactJsonFields/0: (value from ${env:SECRET}) is not a"
                + " rate (write N/s, N/m or N/h)").hasNoCause();

        ConfigException built = doc.error("/audit/redactJsonFields/0",
                new IllegalArgumentException("field " + SECRET + " is reserved"));
        assertThat(built).hasMessage("config error at /audit/redactJsonFields/0: field (value from ${env:SECRET}) is"
                + " reserved").hasNoCause();

        assertThat(doc.show("/audit/redactJsonFields/0")).isEqualTo("(value from ${env:SECRET})");
        assertNoSecretIn(doc.toString());
        assertThat(doc.toString()).isEqualTo("ConfigDocument[source=a.yaml, stage=(none), values from placeholders=1]");
    }

    @Test
    void valuesNotFromPlaceholdersAreShownQuoted() {
        ConfigDocument doc = loader().load("a.yaml", "version: 1\naudit: { redactJsonFields: [plain] }");
        ConfigException e = doc.error("/audit/redactJsonFields/0",
                catchThrowableOfType(IllegalArgumentException.class, () -> RateFormat.parse("plain")));
        assertThat(e).hasMessage("config error at /audit/redactJsonFields/0: \"plain\" is not a rate (write N/s, N/m"
                + " or N/h)");
    }

    @Test
    void anOversizedSecretIsRefusedWithoutBeingShown() {
        Map<String, String> env = Map.of("HUGE", "S3CR3T" + "x".repeat(70_000));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigDocumentLoader.builder()
                .environment(env::get).build().load("a.yaml", "version: 1\naudit: { logger: '${env:HUGE}' }"));
        assertThat(e).hasMessage("config error at /audit/logger: ${env:HUGE} gives more text than the loader takes"
                + " (64KiB a value, 1MiB in all)");
        assertNoSecretIn(everythingPrinted(e));
    }
}
