package dev.apigw.security.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of the whole configuration file, compiled once, and the check of a
 * configuration tree against it with an operator-readable message for every error.
 *
 * <p>The schema ships as the resource {@value #RESOURCE}, so that editors and CI can use the very same file.
 * Its {@code x-hint} and {@code x-rule} annotations word the error messages; they do not change what is valid.
 */
public final class ConfigSchema {

    /** Where the schema lives on the class path. */
    public static final String RESOURCE = "/dev/apigw/security/config/apigw-config.schema.json";

    private static final String ID = "https://apigw.dev/schemas/apigw-config-1.schema.json";

    private final JsonNode document;
    private final Schema schema;
    private final SchemaErrorTranslator translator;

    private ConfigSchema(JsonNode document) {
        this.document = document;
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new NonValidationKeyword("x-hint"))
                .keyword(new NonValidationKeyword("x-rule"))
                .build();
        this.schema = SchemaRegistry.withDialect(dialect).getSchema(SchemaLocation.of(ID), document);
        this.schema.initializeValidators();
        this.translator = new SchemaErrorTranslator(document);
    }

    /** The schema of configuration file version 1; loaded and compiled on first use, then shared. */
    public static ConfigSchema standard() {
        return Holder.INSTANCE;
    }

    /** A copy of the schema document, e.g. to publish it. */
    public JsonNode document() {
        return document.deepCopy();
    }

    /**
     * Checks a configuration tree with every placeholder already resolved and the stage already merged.
     *
     * @throws ConfigException with every error, sorted by pointer
     */
    public void validate(JsonNode tree) {
        List<ConfigError> errors = checkResolved(tree, Map.of());
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /**
     * Checks a tree whose placeholders are resolved, converting placeholder text the schema wants as a number
     * or boolean (the tree changes), and naming the placeholder instead of printing such a value.
     */
    List<ConfigError> checkResolved(JsonNode tree, Map<String, String> origins) {
        return checkResolved(tree, origins, Set.of());
    }

    /**
     * As {@link #checkResolved(JsonNode, Map)}, leaving out the values at {@code unresolved}: placeholders a lenient
     * loader kept as written, whose real value cannot be judged here.
     */
    List<ConfigError> checkResolved(JsonNode tree, Map<String, String> origins, Set<String> unresolved) {
        List<Error> errors = schema.validate(tree);
        if (!errors.isEmpty() && PlaceholderCoercion.apply(tree, errors, origins)) {
            errors = schema.validate(tree);
        }
        return translator.translate(errors, origins).stream()
                .filter(v -> !unresolved.contains(v.pointer()))
                .map(Violation::error)
                .toList();
    }

    /**
     * Checks the file as written, every stage included, before placeholders are resolved. What cannot be judged
     * yet is left for {@link #checkResolved}: values holding a placeholder, and inside a stage overlay the keys a
     * partial overlay may leave out or remove with {@code null}.
     */
    List<ConfigError> checkSource(JsonNode tree) {
        return translator.translate(schema.validate(tree), Map.of()).stream()
                .filter(v -> !judgedLater(v))
                .map(Violation::error)
                .toList();
    }

    private static boolean judgedLater(Violation v) {
        // an escaped $${ counts too: the text checked later is the unescaped one
        if (v.instance() != null && v.instance().isString() && v.instance().stringValue().contains("${")) {
            return true;
        }
        List<String> at = Pointer.segments(v.pointer());
        boolean inStage = at.size() >= 2 && at.get(0).equals("stages");
        boolean insideStage = at.size() >= 3 && at.get(0).equals("stages");
        return (inStage && v.aboutPresence()) || (insideStage && v.instance() != null && v.instance().isNull());
    }

    private static final class Holder {
        static final ConfigSchema INSTANCE = new ConfigSchema(read());

        private static JsonNode read() {
            try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the configuration schema is missing from the class path: "
                            + RESOURCE);
                }
                return JsonMapper.builder().build().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
