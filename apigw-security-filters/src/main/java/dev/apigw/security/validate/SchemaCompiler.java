package dev.apigw.security.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles the JSON Schemas of request validation once, at start-up, with the networknt validator: draft 2020-12
 * unless {@code $schema} names another draft (draft-04, as Amazon API Gateway models are written, 06, 07 or 2019-09).
 *
 * <p>Each schema is first checked against its draft's meta-schema, so a typo stops start-up with the pointer of the
 * bad keyword instead of silently accepting everything. References are followed only to files under the
 * configuration's directory ({@link LocalSchemaFiles}); nothing is ever fetched. Patterns run on
 * {@link BoundedRegularExpressionFactory}.
 */
public final class SchemaCompiler {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final LocalSchemaFiles files;
    private final SchemaRegistry registry;
    private final Path base;
    private final Map<SpecificationVersion, Schema> metaSchemas = new EnumMap<>(SpecificationVersion.class);
    private final AtomicInteger inline = new AtomicInteger();

    /** A compiler reading schema files under {@code baseDirectory}, the configuration file's directory. */
    public SchemaCompiler(Path baseDirectory) {
        this.base = baseDirectory.toAbsolutePath().normalize();
        this.files = new LocalSchemaFiles(base);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .locale(Locale.ROOT)
                        .regularExpressionFactory(BoundedRegularExpressionFactory.INSTANCE)
                        .build())
                .schemaLoader(loader -> loader
                        .allow(files::admits)
                        .resourceLoaders(r -> r.add(files))));
    }

    /**
     * Loads and compiles a schema file named in the configuration: a path relative to the base directory, or
     * {@code classpath:name}.
     *
     * @throws IllegalArgumentException naming the file, and inside it the pointer of what is wrong
     */
    public CompiledSchema load(String reference) {
        boolean classpath = reference.startsWith("classpath:");
        Path file = classpath ? null : files.resolve(reference);
        String location = classpath ? reference : file.toUri().toString();
        try (InputStream in = classpath ? classpathResource(reference) : LocalSchemaFiles.read(file)) {
            return compile(JSON.readTree(in), location, reference);
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException(reference + " cannot be read as JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Compiles a schema given as a tree, e.g. a parameter rule of the configuration or a schema built in code. */
    public CompiledSchema compile(JsonNode schema, String name) {
        String location = base.resolve(".apigw-inline-" + inline.incrementAndGet() + ".json").toUri().toString();
        return compile(schema, location, name);
    }

    private CompiledSchema compile(JsonNode document, String location, String name) {
        if (!document.isObject() && !document.isBoolean()) {
            throw new IllegalArgumentException(name + " is not a JSON Schema (write an object such as {\"type\": \"object\"})");
        }
        SpecificationVersion version = version(document, name);
        List<Error> problems = metaSchema(version).validate(document);
        if (!problems.isEmpty()) {
            Error first = problems.get(0);
            throw new IllegalArgumentException(name + " is not a valid JSON Schema: at "
                    + pointerOf(first) + ": " + first.getMessage());
        }
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(location), document);
            schema.initializeValidators();
            return new CompiledSchema(name, schema);
        } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(name + " cannot be compiled (references are followed only to files"
                    + " under " + base + "; remote schemas are never fetched): " + firstLine(e.getMessage()));
        }
    }

    private static SpecificationVersion version(JsonNode document, String name) {
        JsonNode declared = document.path("$schema");
        if (declared.isMissingNode()) {
            return SpecificationVersion.DRAFT_2020_12;
        }
        return SpecificationVersion.fromDialectId(declared.asString())
                .or(() -> SpecificationVersion.fromDialectId(declared.asString() + "#"))
                .orElseThrow(() -> new IllegalArgumentException(name + " names an unknown $schema (write"
                        + " https://json-schema.org/draft/2020-12/schema, or http://json-schema.org/draft-04/schema#)"));
    }

    private synchronized Schema metaSchema(SpecificationVersion version) {
        return metaSchemas.computeIfAbsent(version,
                v -> registry.getSchema(SchemaLocation.of(v.getDialectId())));
    }

    private static String pointerOf(Error e) {
        String pointer = e.getInstanceLocation().toString().replaceFirst("^\\$", "");
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static InputStream classpathResource(String reference) throws IOException {
        String name = reference.substring("classpath:".length()).replaceFirst("^/", "");
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("not found on the class path");
        }
        try (in) {
            byte[] bytes = in.readNBytes((int) LocalSchemaFiles.MAX_FILE_SIZE + 1);
            if (bytes.length > LocalSchemaFiles.MAX_FILE_SIZE) {
                throw new IOException("larger than " + LocalSchemaFiles.MAX_FILE_SIZE + " bytes");
            }
            return new ByteArrayInputStream(bytes);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unknown error" : message;
        int eol = m.indexOf('\n');
        return eol < 0 ? m : m.substring(0, eol);
    }
}
