package dev.apigw.security.validate;

import com.sun.net.httpserver.HttpServer;
import dev.apigw.security.Problem.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Compiling body schemas at start-up: drafts by {@code $schema}, meta-schema checks, and nothing ever fetched. */
class SchemaCompilerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private SchemaCompiler compiler() {
        return new SchemaCompiler(dir);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void usesDraft202012WhenTheSchemaNamesNone() {
        CompiledSchema schema = compiler().compile(json("{\"prefixItems\":[{\"type\":\"integer\"}]}"), "tuple");
        assertThat(schema.validate(json("[\"x\"]"), "body", null))
                .containsExactly(new ValidationError("body", "/0", "must be an integer"));
    }

    @Test
    void readsDraft04ModelsAsAmazonApiGatewayWritesThem() throws Exception {
        write("models/pet.json", """
                {"$schema": "http://json-schema.org/draft-04/schema#", "title": "Pet", "type": "object",
                 "properties": {"age": {"type": "integer", "maximum": 30, "exclusiveMaximum": true}},
                 "required": ["age"]}""");
        CompiledSchema schema = compiler().load("models/pet.json");
        assertThat(schema.validate(json("{\"age\":30}"), "body", null))
                .containsExactly(new ValidationError("body", "/age", "must be less than 30"));
        assertThat(schema.validate(json("{\"age\":29}"), "body", null)).isEmpty();
    }

    @Test
    void refusesAnUnknownSchemaDialect() {
        assertThatThrownBy(() -> compiler().compile(json("{\"$schema\":\"https://example.com/meta\"}"), "pet"))
                .hasMessageStartingWith("pet names an unknown $schema");
    }

    @Test
    void refusesAnInvalidSchemaWithThePointerInsideIt() {
        assertThatThrownBy(() -> compiler().compile(json("{\"properties\":{\"name\":{\"minLength\":-1}}}"), "pet.json"))
                .hasMessage("pet.json is not a valid JSON Schema: at /properties/name/minLength: must have a minimum value of 0");
        assertThatThrownBy(() -> compiler().compile(json("{\"type\":\"strin\"}"), "pet.json"))
                .hasMessageStartingWith("pet.json is not a valid JSON Schema: at /type:");
        assertThatThrownBy(() -> compiler().compile(json("{\"pattern\":\"(\"}"), "pet.json"))
                .hasMessageStartingWith("pet.json cannot be compiled");
        assertThatThrownBy(() -> compiler().compile(json("[1]"), "pet.json"))
                .hasMessageStartingWith("pet.json is not a JSON Schema");
    }

    @Test
    void neverFetchesARemoteReference() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            assertThatThrownBy(() -> compiler().compile(json("{\"properties\":{\"a\":{\"$ref\":\"" + base
                    + "/pet.json\"}}}"), "ref.json")).hasMessageContaining("remote schemas are never fetched");
            assertThatThrownBy(() -> compiler().compile(json("{\"$id\":\"" + base
                    + "/root.json\",\"$ref\":\"other.json\"}"), "id.json")).hasMessageContaining("never fetched");
            assertThatThrownBy(() -> compiler().compile(json("{\"$schema\":\"" + base + "/meta\"}"), "meta.json"))
                    .hasMessageContaining("unknown $schema");
            assertThatThrownBy(() -> compiler().compile(json("{\"$ref\":\"https://json-schema.org/draft/2020-12/nope\"}"),
                    "jsonschema.json")).hasMessageContaining("cannot be compiled");
        } finally {
            server.stop(0);
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void followsReferencesToFilesBesideTheConfiguration() throws Exception {
        write("schemas/common.json", "{\"$defs\":{\"name\":{\"type\":\"string\",\"maxLength\":3}}}");
        write("schemas/pet.json", "{\"properties\":{\"name\":{\"$ref\":\"common.json#/$defs/name\"}}}");
        CompiledSchema schema = compiler().load("schemas/pet.json");
        assertThat(schema.validate(json("{\"name\":\"Tiger\"}"), "body", null))
                .containsExactly(new ValidationError("body", "/name", "must be at most 3 characters long"));
    }

    @Test
    void refusesFilesOutsideTheConfigurationsDirectory() throws Exception {
        Path outside = Files.createTempFile("outside", ".json");
        Files.writeString(outside, "{\"type\":\"string\"}");
        try {
            Path sub = Files.createDirectories(dir.resolve("config"));
            SchemaCompiler compiler = new SchemaCompiler(sub);
            assertThatThrownBy(() -> compiler.load("../x.json")).hasMessageContaining("outside the configuration's directory");
            assertThatThrownBy(() -> compiler.compile(json("{\"$ref\":\"" + outside.toUri() + "\"}"), "ref.json"))
                    .hasMessageContaining("cannot be compiled");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void refusesAMissingOrMalformedFileNamingIt() throws Exception {
        assertThatThrownBy(() -> compiler().load("missing.json")).hasMessageStartingWith("missing.json cannot be read");
        write("broken.json", "{\"type\":");
        assertThatThrownBy(() -> compiler().load("broken.json")).hasMessageStartingWith("broken.json cannot be read as JSON");
        write("twice.json", "{\"type\":\"string\",\"type\":\"integer\"}");
        assertThatThrownBy(() -> compiler().load("twice.json")).hasMessageContaining("Duplicate");
    }

    @Test
    void loadsASchemaFromTheClassPath() {
        CompiledSchema schema = compiler().load("classpath:dev/apigw/security/validate/new-pet.schema.json");
        assertThat(schema.validate(json("{\"name\":\"Kit\"}"), "body", null)).isEmpty();
        assertThatThrownBy(() -> compiler().load("classpath:nope.json")).hasMessageContaining("not found on the class path");
    }
}
