package dev.apigw.security.config;

import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A configuration file after loading: parsed, its stage merged, its placeholders resolved and checked against
 * {@link ConfigSchema}. What the mapper onto the typed configuration builders starts from.
 *
 * <p>It knows which values came from a {@code ${...}} placeholder. Such a value may be a secret, so
 * {@link #show(String)} and the {@code error} methods name the placeholder instead of printing it, and
 * {@link #toString()} prints no values at all.
 */
public final class ConfigDocument {

    private final String source;
    private final Optional<String> stage;
    private final JsonNode tree;
    private final Map<String, String> origins;
    private final Path baseDirectory;
    private final List<String> stageNames;
    private final Map<String, String> unresolved;

    ConfigDocument(String source, Optional<String> stage, JsonNode tree, Map<String, String> origins,
                   Path baseDirectory, List<String> stageNames, Map<String, String> unresolved) {
        this.source = Objects.requireNonNull(source, "source");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.origins = Map.copyOf(origins);
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
        this.stageNames = List.copyOf(stageNames);
        this.unresolved = Map.copyOf(unresolved);
    }

    /** Where the configuration was read from, e.g. the file's path. */
    public String source() {
        return source;
    }

    /**
     * The directory that relative paths in the file start from, such as a route's body schema: the file's own
     * directory, the loader's {@code baseDirectory}, or the working directory for a stream.
     */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The stage merged over the base, if one was chosen. */
    public Optional<String> stage() {
        return stage;
    }

    /** The names of the stages the file defines, in file order; empty when it has none. */
    public List<String> stageNames() {
        return stageNames;
    }

    /** The checked tree, without {@code stages}; a copy, so the document stays as it was loaded. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** The JSON Pointers (RFC 6901) of the values that came, wholly or in part, from a placeholder. */
    public Set<String> placeholderPointers() {
        return origins.keySet();
    }

    /** True when the value at {@code pointer} came from a placeholder and must never be printed. */
    public boolean fromPlaceholder(String pointer) {
        return origins.containsKey(pointer);
    }

    /**
     * The values a loader built with {@link ConfigDocumentLoader.Builder#leaveUndefinedPlaceholders()} kept as
     * written because a placeholder in them is undefined here: pointer to the placeholders, as messages name them.
     * Such values are not real and were not checked against the schema; empty for any other loader.
     */
    public Map<String, String> unresolvedPlaceholders() {
        return unresolved;
    }

    /**
     * The value at {@code pointer} as an error message may show it: quoted, escaped and cut short, or
     * {@code (value from ${env:NAME})} when it came from a placeholder.
     */
    public String show(String pointer) {
        String origin = origins.get(pointer);
        return origin != null ? "(value from " + origin + ")" : Quoted.describe(tree.at(pointer));
    }

    /** An error at {@code pointer}; the message must not print a value, use {@link #show(String)} for that. */
    public ConfigException error(String pointer, String message) {
        return new ConfigException(pointer, message);
    }

    /**
     * An error at {@code pointer} from a value parser or a builder, e.g. from {@link RateFormat#parse(String)}.
     * When the value came from a placeholder it is taken out of the message and the placeholder named instead;
     * the exception is not kept as the cause, since its message may hold that value.
     */
    public ConfigException error(String pointer, IllegalArgumentException e) {
        String origin = origins.get(pointer);
        if (e instanceof InvalidValueException invalid) {
            String shown = origin != null ? "(value from " + origin + ")" : Quoted.of(invalid.value());
            return new ConfigException(pointer, shown + " " + invalid.expectation());
        }
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        JsonNode value = tree.at(pointer);
        if (origin != null && value.isString() && !value.stringValue().isEmpty()) {
            String replacement = "(value from " + origin + ")";
            message = message.replace(Quoted.of(value.stringValue()), replacement)
                    .replace(value.stringValue(), replacement);
        }
        return new ConfigException(pointer, message);
    }

    /** Names the source, the stage and how many values came from placeholders; never a value. */
    @Override
    public String toString() {
        return "ConfigDocument[source=" + Quoted.plain(source, 200) + ", stage=" + stage.orElse("(none)")
                + ", values from placeholders=" + origins.size() + "]";
    }
}
