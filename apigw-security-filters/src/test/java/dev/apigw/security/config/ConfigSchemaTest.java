package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigSchemaTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static JsonNode yaml(String text) {
        return YAML.readTree(text);
    }

    private static List<String> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigSchema.standard().validate(yaml(yaml)));
        assertThat(e).as("expected errors for %s", yaml).isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void acceptsAMinimalFile() {
        assertThatCode(() -> ConfigSchema.standard().validate(yaml("version: 1"))).doesNotThrowAnyException();
    }

    @Test
    void saysExactlyWhatIsWrongWithABadRate() {
        String file = """
                version: 1
                routes:
                  - { path: /a, auth: none }
                  - { path: /b, auth: none }
                  - { path: /c, auth: none, throttle: { rate: 10 per sec, burst: 20 } }
                """;
        assertThat(errors(file)).containsExactly(
                "config error at /routes/2/throttle/rate: \"10 per sec\" is not a rate (write N/s, N/m or N/h)");
    }

    @Test
    void reportsEveryErrorSortedByPointerWithIndexesInNumericOrder() {
        String file = "version: 1\nroutes:\n"
                + "  - { path: /ok, auth: none }\n"
                + "  - { path: /ok, auth: none, methods: [FETCH] }\n"
                + "  - { path: /ok, auth: none }\n".repeat(8)
                + "  - { path: /x, auth: none, throttle: { rate: fast } }\n"
                + "cors: { maxAge: soon }\n"
                + "routes2: []\n";
        assertThat(errors(file)).containsExactly(
                "config error at /: unknown key \"routes2\" (did you mean \"routes\"?)",
                "config error at /cors/maxAge: \"soon\" is not a duration (write 500ms, 30s, 5m, 1h or 1d)",
                "config error at /routes/1/methods/0: \"FETCH\" is not one of GET, HEAD, POST, PUT, PATCH, DELETE,"
                        + " OPTIONS",
                "config error at /routes/10/throttle/rate: \"fast\" is not a rate (write N/s, N/m or N/h)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "routes: [{ path: /a, methdos: [GET], auth: none }] | /routes/0: unknown key \"methdos\" (did you mean \"methods\"?)",
            "cors: { max_age: 5m } | /cors: unknown key \"max_age\" (did you mean \"maxAge\"?)",
            "audit: { colour: red } | /audit: unknown key \"colour\" (allowed here: logger, redactHeaders, redactJsonFields, requestIdHeader)",
            "transport: { requireHttps: yes } | /transport/requireHttps: \"yes\" is not true or false",
            "cors: { maxAge: 5 } | /cors/maxAge: 5 is not a duration (write 500ms, 30s, 5m, 1h or 1d)",
            "validation: { maxBodySize: 1MB } | /validation/maxBodySize: \"1MB\" is not a size (write 512B, 64KiB, 1MiB or 1GiB)",
            "usagePlans: { free: { quota: 1000/d } } | /usagePlans/free/quota: \"1000/d\" is not a quota (write N/day, N/week or N/month)",
            "validation: { attackSignatures: { mode: blok } } | /validation/attackSignatures/mode: \"blok\" is not one of block, log, off (did you mean \"block\"?)",
            "validation: { attackSignatures: { categories: [sqli, rce] } } | /validation/attackSignatures/categories/1: \"rce\" is not one of sqli, xss, traversal, cmdi, crlf",
            "throttling: { store: { type: redis, onFailure: deny } } | /throttling/store: missing key \"uri\" (needed when type is redis)",
            "throttling: { store: { type: memcached } } | /throttling/store/type: \"memcached\" is not one of local, redis",
            "throttling: { global: { rate: 10/s, burst: 0 } } | /throttling/global/burst: 0 is not a whole number from 1 to 999999999999",
            "throttling: { global: { burst: 10 } } | /throttling/global: missing key \"rate\"",
            "routes: [{ auth: none }] | /routes/0: missing key \"path\"",
            "routes: [{ path: /a, auth: public }] | /routes/0/auth: \"public\" is not an auth setting (write none, or a list of methods such as [jwt, apiKey])",
            "routes: [{ path: /a, auth: [jwt, none] }] | /routes/0/auth/1: \"none\" is not a method to list (write auth: none on its own to make a route public)",
            "routes: [{ path: /a, auth: [5] }] | /routes/0/auth/0: 5 is not a name (a letter, then letters, digits, _ or -; at most 64)",
            "routes: [{ path: /a, methods: [GET, GET], auth: none }] | /routes/0/methods: lists \"GET\" more than once",
            "routes: [{ path: pets, auth: none }] | /routes/0/path: \"pets\" is not a path template (write /pets/{id}, starting with /, no query)",
            "routes: 5 | /routes: 5 is not a list",
            "cors: | /cors: null is not an object",
            "authentication: { jwt: { issuer: x } } | /authentication/jwt: write either jwksUri or secret (one of them, not both)",
            "authentication: { jwt: { jwksUri: https://x, secret: y } } | /authentication/jwt: write either jwksUri or secret (one of them, not both)",
            "authentication: { jwt: { jwksUri: https://x, algorithms: [none] } } | /authentication/jwt/algorithms/0: \"none\" is not one of HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512, EdDSA",
            "authentication: { apiKeys: { store: { type: jdbc, url: 'jdbc:x' } } } | /authentication/apiKeys/store: missing key \"table\" (needed when type is jdbc)",
            "usagePlans: { 'gold plan': { rate: 1/s } } | /usagePlans: key \"gold plan\" is not a name (a letter, then letters, digits, _ or -; at most 64)",
            "ipPolicy: { allow: [any] } | /ipPolicy/allow/0: \"any\" is not an IP address or CIDR block (write 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32)",
            "stages: { dev: { version: 2 } } | /stages/dev: unknown key \"version\" (allowed here: trustedProxies, transport, ipPolicy, cors, authentication, usagePlans, throttling, validation, audit, defaults, routes)",
    })
    void wordsEachKindOfErrorWithWhatWouldBeRight(String section, String expected) {
        assertThat(errors("version: 1\n" + section)).containsExactly("config error at " + expected);
    }

    @Test
    void patternsMatchTheWholeValueNotALine() {
        assertThat(errors("{\"version\": 1, \"cors\": {\"maxAge\": \"30s\\n\"}}")).containsExactly(
                "config error at /cors/maxAge: \"30s\\n\" is not a duration (write 500ms, 30s, 5m, 1h or 1d)");
    }

    @Test
    void refusesAnyVersionButOne() {
        assertThat(errors("version: 2")).containsExactly(
                "config error at /version: 2 is not a supported version (write 1)");
        assertThat(errors("cors: {}")).containsExactly("config error at /: missing key \"version\"");
        assertThat(errors("[1]")).containsExactly("config error at /: a list is not an object");
    }

    @Test
    void cutsAndEscapesEchoedValues() {
        String value = "x\u202e\n".repeat(40);
        assertThat(errors("version: 1\ncors: { maxAge: \"" + value.replace("\n", "\\n") + "\" }"))
                .singleElement().asString()
                .contains("\"x\\u202e\\nx")
                .doesNotContain("\n", "\u202e")
                .contains("\"... is not a duration");
    }

    @Test
    void namesThePlaceholderInsteadOfItsValue() {
        JsonNode tree = yaml("version: 1\nthrottling: { store: { type: redis, uri: 'hunter2-secret' } }");
        List<ConfigError> errors = ConfigSchema.standard()
                .checkResolved(tree, Map.of("/throttling/store/uri", "${env:REDIS_URI}"));
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                "config error at /throttling/store/uri: (value from ${env:REDIS_URI}) is not a Redis URI"
                        + " (write redis://host:6379 or rediss://host:6380)");
    }

    @Test
    void everyObjectWithPropertiesRefusesUnknownKeys() {
        List<String> open = new java.util.ArrayList<>();
        walk(ConfigSchema.standard().document(), "#", open);
        assertThat(open).as("schemas with properties but without additionalProperties: false").isEmpty();
    }

    private static void walk(JsonNode node, String at, List<String> open) {
        boolean condition = at.endsWith("/if");
        if (node.isObject() && node.has("properties") && !condition && !node.path("additionalProperties").isBoolean()) {
            open.add(at);
        }
        if (node.isContainer()) {
            node.properties().forEach(p -> walk(p.getValue(), at + "/" + p.getKey(), open));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, open);
            }
        }
    }

    @Test
    void aStageMayHoldEverySectionButVersionAndStages() {
        JsonNode schema = ConfigSchema.standard().document();
        List<String> sections = new java.util.ArrayList<>(schema.get("properties").propertyNames());
        sections.removeAll(List.of("version", "stages"));
        assertThat(schema.at("/$defs/stage/properties").propertyNames()).containsExactlyElementsOf(sections);
    }

    @Test
    void hintsSayTheSameAsTheValueParsers() {
        JsonNode defs = ConfigSchema.standard().document().get("$defs");
        assertThat("is not " + defs.at("/duration/x-hint").asString()).isEqualTo(DurationFormat.EXPECTED);
        assertThat("is not " + defs.at("/size/x-hint").asString()).isEqualTo(DataSize.EXPECTED);
        assertThat("is not " + defs.at("/rate/x-hint").asString()).isEqualTo(RateFormat.EXPECTED);
        assertThat("is not " + defs.at("/quota/x-hint").asString()).isEqualTo(QuotaFormat.EXPECTED);
    }

    @ParameterizedTest
    @CsvSource({"duration, 30s", "duration, 0", "duration, 500ms", "size, 64KiB", "rate, 5/s", "quota, 1000/day"})
    void schemaPatternsAcceptWhatTheParsersAccept(String def, String value) {
        String section = switch (def) {
            case "duration" -> "cors: { maxAge: '" + value + "' }";
            case "size" -> "validation: { maxBodySize: '" + value + "' }";
            case "rate" -> "throttling: { global: { rate: '" + value + "' } }";
            default -> "usagePlans: { free: { quota: '" + value + "' } }";
        };
        assertThatCode(() -> ConfigSchema.standard().validate(yaml("version: 1\n" + section)))
                .doesNotThrowAnyException();
    }
}
