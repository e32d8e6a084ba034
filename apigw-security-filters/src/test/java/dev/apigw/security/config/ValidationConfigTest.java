package dev.apigw.security.config;

import dev.apigw.security.validate.JsonLimits;
import dev.apigw.security.validate.MediaType;
import dev.apigw.security.validate.ParameterRule;
import dev.apigw.security.validate.RouteValidation;
import dev.apigw.security.validate.ValidationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validation section and the validate blocks, from the file to compiled rules, and their start-up errors. */
class ValidationConfigTest {

    private static final String HEAD = """
            version: 1
            transport: { requireHttps: false }
            """;

    @TempDir
    Path dir;

    private GatewayConfig load(String yaml) throws Exception {
        Path file = dir.resolve("apigw.yaml");
        Files.writeString(file, HEAD + yaml);
        return ConfigLoader.load(file, null);
    }

    private String errorOf(String yaml) {
        return assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).actual().getMessage();
    }

    private void schema(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsTheLimits() throws Exception {
        GatewayConfig config = load("""
                validation:
                  maxBodySize: 2MiB
                  maxHeaderSize: 8KiB
                  json: { maxDepth: 10, maxStringLength: 1KiB, rejectDuplicateKeys: false }
                routes: [{ path: /health, auth: none }]
                """);
        assertThat(config.validation()).isEqualTo(new ValidationSettings(2 * 1024 * 1024, 8 * 1024,
                new JsonLimits(10, 1024, JsonLimits.DEFAULTS.maxNumberLength(), false)));
        assertThat(load("routes: [{ path: /health, auth: none }]").validation()).isEqualTo(ValidationSettings.DEFAULTS);
    }

    @Test
    void compilesARoutesRulesWithTheSchemaBesideTheFile() throws Exception {
        schema("schemas/new-pet.json", "{\"type\":\"object\",\"required\":[\"name\"]}");
        RouteValidation v = load("""
                routes:
                  - path: /pets/{id}
                    auth: none
                    validate:
                      contentTypes: [application/json]
                      body: schemas/new-pet.json
                      query: { limit: { type: integer, minimum: 1, maximum: 100, required: true } }
                      path: { id: { type: integer } }
                      headers: { required: [X-Request-Id], X-Tenant: { type: string, maxLength: 8 } }
                """).routes().get(0).validate();
        assertThat(v.contentTypes()).containsExactly(MediaType.parse("application/json"));
        assertThat(v.body()).hasToString("CompiledSchema[schemas/new-pet.json]");
        assertThat(v.query()).extracting(ParameterRule::name, ParameterRule::isRequired)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("limit", true));
        assertThat(v.path()).extracting(ParameterRule::name).containsExactly("id");
        assertThat(v.headers()).extracting(ParameterRule::name, ParameterRule::isRequired).containsExactly(
                org.assertj.core.groups.Tuple.tuple("X-Request-Id", true),
                org.assertj.core.groups.Tuple.tuple("X-Tenant", false));
    }

    @Test
    void anInvalidSchemaStopsStartUpWithBothPointers() throws Exception {
        schema("schemas/bad.json", "{\"properties\":{\"name\":{\"maxLength\":\"ten\"}}}");
        assertThat(errorOf("""
                routes: [{ path: /pets, auth: none, validate: { body: schemas/bad.json } }]
                """)).contains("config error at /routes/0/validate/body: schemas/bad.json is not a valid JSON Schema:"
                + " at /properties/name/maxLength:");
        assertThat(errorOf("""
                routes: [{ path: /pets, auth: none, validate: { body: schemas/none.json } }]
                """)).contains("config error at /routes/0/validate/body: schemas/none.json cannot be read");
        assertThat(errorOf("""
                routes: [{ path: /pets, auth: none, validate: { query: { limit: { type: int } } } }]
                """)).contains("config error at /routes/0/validate/query/limit: parameter limit is not a valid JSON Schema");
    }

    @Test
    void aRemoteReferenceStopsStartUp() throws Exception {
        schema("schemas/remote.json", "{\"$ref\":\"https://schemas.example.com/pet.json\"}");
        assertThat(errorOf("""
                routes: [{ path: /pets, auth: none, validate: { body: schemas/remote.json } }]
                """)).contains("/routes/0/validate/body").contains("remote schemas are never fetched");
    }

    @Test
    void aPathRuleMustNameAParameterOfTheTemplate() {
        assertThat(errorOf("""
                routes: [{ path: "/pets/{id}", auth: none, validate: { path: { petId: { type: integer } } } }]
                """)).contains("config error at /routes/0: route /pets/{id} validates the path parameter petId");
    }

    @Test
    void defaultsValidateWhatARouteLeavesOut() throws Exception {
        GatewayConfig config = load("""
                defaults: { auth: none, validate: { contentTypes: [application/json] } }
                routes:
                  - path: /pets
                  - path: /upload
                    validate: { contentTypes: [image/png] }
                """);
        assertThat(config.defaultValidate().contentTypes()).containsExactly(MediaType.parse("application/json"));
        assertThat(config.routes().get(0).validate()).isNull();
        assertThat(config.routes().get(1).validate().contentTypes()).containsExactly(MediaType.parse("image/png"));
        assertThat(errorOf("""
                defaults: { auth: none, validate: { path: { id: { type: integer } } } }
                routes: [{ path: /pets }]
                """)).contains("config error at /defaults/validate: defaults.validate cannot name path parameters");
    }

    @Test
    void unknownAttackSignatureCategoryIsReportedAtItsPointer() {
        assertThat(errorOf("""
                validation: { attackSignatures: { mode: block, categories: [sqli, ldap] } }
                routes: [{ path: /health, auth: none }]
                """)).contains("config error at /validation/attackSignatures/categories/1");
    }

    @Test
    void theFileSchemaChecksTheHeaderRules() {
        assertThat(errorOf("""
                routes: [{ path: /pets, auth: none, validate: { headers: { required: X-Request-Id } } }]
                """)).contains("/routes/0/validate/headers/required");
        assertThat(errorOf("""
                routes: [{ path: /pets, auth: none, validate: { headers: { "X Bad": { type: string } } } }]
                """)).contains("/routes/0/validate/headers");
    }
}
