package dev.apigw.security.config;

import dev.apigw.security.SecretResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Loads a configuration file into a checked {@link ConfigDocument}: read (at most {@link #MAX_FILE_SIZE}),
 * parse, check the file as written against {@link ConfigSchema}, merge the chosen stage over the base, resolve the
 * {@code ${...}} placeholders, and check the result again.
 *
 * <p>The stage is merged before placeholders are resolved so that a stage that is not chosen needs none of its
 * variables: a developer's machine does not need {@code REDIS_URI} because the prod stage names it. Every stage
 * is still checked for typos on every load. See the package documentation for the placeholder rules.
 */
public final class ConfigDocumentLoader {

    /** The largest configuration file the loader reads. */
    public static final DataSize MAX_FILE_SIZE = DataSize.ofMebibytes(1);

    private final Optional<String> stage;
    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;
    private final Map<String, SecretResolver> resolvers;
    private final Optional<Path> baseDirectory;
    private final boolean lenient;
    private final DocumentParser parser = new DocumentParser();

    private ConfigDocumentLoader(Builder b) {
        this.stage = Optional.ofNullable(b.stage);
        this.environment = b.environment;
        this.systemProperties = b.systemProperties;
        this.resolvers = Map.copyOf(b.resolvers);
        this.baseDirectory = Optional.ofNullable(b.baseDirectory);
        this.lenient = b.lenient;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a file; {@code ${file:PATH}} placeholders are read relative to its directory.
     *
     * @throws ConfigException with every error found, each at its JSON Pointer
     */
    public ConfigDocument load(Path file) {
        String text = SourceText.read(file);
        return load(file.toString(), text, baseDirectory.orElse(file.toAbsolutePath().getParent()));
    }

    /** Loads from a stream, which is read but not closed; a name ending in {@code .json} selects strict JSON. */
    public ConfigDocument load(String sourceName, InputStream in) {
        return load(sourceName, SourceText.read(sourceName, in), baseDirectory.orElse(Path.of("")));
    }

    /** Loads from text; a name ending in {@code .json} selects strict JSON. */
    public ConfigDocument load(String sourceName, String content) {
        String text = SourceText.decode(sourceName, content.getBytes(StandardCharsets.UTF_8));
        return load(sourceName, text, baseDirectory.orElse(Path.of("")));
    }

    private ConfigDocument load(String source, String text, Path base) {
        JsonNode raw = parser.parse(source, text);
        ConfigSchema schema = ConfigSchema.standard();
        throwIfAny(schema.checkSource(raw));
        List<String> stageNames = raw.has("stages") ? List.copyOf(raw.get("stages").propertyNames()) : List.of();
        ObjectNode tree = StageOverlay.apply((ObjectNode) raw, stage);
        FileSecretResolver files = new FileSecretResolver(base);
        Map<String, SecretResolver> all = new HashMap<>(resolvers);
        all.put("env", new LookupResolver("env", environment));
        all.put("sys", new LookupResolver("sys", systemProperties));
        all.put("file", files);
        Interpolator interpolator = new Interpolator(all, files, lenient);
        Map<String, String> origins = interpolator.apply(tree);
        Map<String, String> unresolved = interpolator.unresolved();
        throwIfAny(schema.checkResolved(tree, origins, unresolved.keySet()));
        return new ConfigDocument(source, stage, tree, origins, base, stageNames, unresolved);
    }

    private static void throwIfAny(List<ConfigError> errors) {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /** Resolves {@code env} and {@code sys} through an injectable lookup, so tests never touch the real ones. */
    private record LookupResolver(String scheme, Function<String, String> lookup) implements SecretResolver {
        @Override
        public Optional<String> resolve(String reference) {
            return Optional.ofNullable(lookup.apply(reference));
        }
    }

    /** Configures a loader; every setting has a default that reads the real environment. */
    public static final class Builder {

        private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

        private String stage;
        private Function<String, String> environment = System::getenv;
        private Function<String, String> systemProperties = System::getProperty;
        private final Map<String, SecretResolver> resolvers = new HashMap<>();
        private Path baseDirectory;
        private boolean lenient;

        private Builder() {
        }

        /** The stage to merge over the base (from {@code --stage} or {@code APIGW_STAGE}); null for none. */
        public Builder stage(String name) {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("a stage name cannot be blank; pass null for no stage");
            }
            this.stage = name;
            return this;
        }

        /** Where {@code ${env:NAME}} looks; returns null for an unset variable. Default: the process environment. */
        public Builder environment(Function<String, String> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Where {@code ${sys:NAME}} looks; returns null for an unset property. Default: the system properties. */
        public Builder systemProperties(Function<String, String> lookup) {
            this.systemProperties = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Adds a placeholder scheme, e.g. a vault; {@code env}, {@code sys} and {@code file} are built in. */
        public Builder resolver(SecretResolver resolver) {
            String scheme = Objects.requireNonNull(resolver.scheme(), "scheme");
            if (!SCHEME.matcher(scheme).matches()) {
                throw new IllegalArgumentException("a scheme is lower-case letters, digits, +, . or -: "
                        + Quoted.of(scheme));
            }
            if (List.of("env", "sys", "file").contains(scheme) || resolvers.containsKey(scheme)) {
                throw new IllegalArgumentException("the scheme " + Quoted.of(scheme) + " is already taken");
            }
            resolvers.put(scheme, resolver);
            return this;
        }

        /** Where relative {@code ${file:PATH}} paths start; default: the file's directory, else the working one. */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Keeps a value whose placeholder is undefined (or of a scheme this loader does not know) as it was written,
         * instead of failing, and leaves it out of the schema check; {@link ConfigDocument#unresolvedPlaceholders()}
         * lists such values. For tools that check a file away from where it runs, such as the linter, which must
         * not need production's secrets; never for a configuration that is about to be used.
         */
        public Builder leaveUndefinedPlaceholders() {
            this.lenient = true;
            return this;
        }

        public ConfigDocumentLoader build() {
            return new ConfigDocumentLoader(this);
        }
    }
}
