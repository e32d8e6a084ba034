package dev.apigw.security.lint;

import dev.apigw.security.auth.apikey.ApiKeyFile;
import dev.apigw.security.auth.apikey.ApiKeyFileException;
import dev.apigw.security.config.ConfigDocument;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Optional;

/**
 * One configuration a rule looks at: the base or one stage merged over it, with what the rules need around the tree
 * (whether a value came from a placeholder, the base for comparison, the directory relative paths start from).
 */
final class Subject {

    static final String KEY_STORE = "/authentication/apiKeys/store";

    private final String stage;
    private final ConfigDocument document;
    private final JsonNode tree;
    private final Optional<JsonNode> base;
    private KeyFileRead keyFile;

    /**
     * @param stage {@link Linter#BASE} or the stage's name
     * @param base  the base tree when this is a stage, for comparison
     */
    Subject(String stage, ConfigDocument document, Optional<JsonNode> base) {
        this.stage = stage;
        this.document = document;
        this.tree = document.tree();
        this.base = base;
    }

    String stage() {
        return stage;
    }

    boolean isBase() {
        return document.stage().isEmpty();
    }

    JsonNode tree() {
        return tree;
    }

    /** The node at a JSON pointer; a missing node when there is none. */
    JsonNode at(String pointer) {
        return tree.at(pointer);
    }

    /** The base tree, when this is a stage and the base loads on its own. */
    Optional<JsonNode> base() {
        return base;
    }

    List<String> stageNames() {
        return document.stageNames();
    }

    /** Whether the value was written as (or with) a placeholder rather than inline. */
    boolean fromPlaceholder(String pointer) {
        return document.fromPlaceholder(pointer);
    }

    /** Whether the value is real: not a placeholder left as written because it is undefined here. */
    boolean known(String pointer) {
        return !document.unresolvedPlaceholders().containsKey(pointer);
    }

    /** The text at a pointer when it is a known string. */
    Optional<String> text(String pointer) {
        JsonNode node = at(pointer);
        return node.isString() && known(pointer) ? Optional.of(node.stringValue()) : Optional.empty();
    }

    /** The file store's key file, read once (relative to the configuration's directory); empty without one. */
    Optional<KeyFileRead> keyFile() {
        if (keyFile == null && "file".equals(at(KEY_STORE + "/type").asString())) {
            keyFile = text(KEY_STORE + "/path").map(this::read).orElse(null);
        }
        return Optional.ofNullable(keyFile);
    }

    private KeyFileRead read(String path) {
        try {
            return new KeyFileRead(path, ApiKeyFile.read(document.baseDirectory().resolve(path)), null);
        } catch (ApiKeyFileException e) {
            return new KeyFileRead(path, null, e.getMessage());
        } catch (IOException | InvalidPathException e) {
            return new KeyFileRead(path, null, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The child pointer of {@code parent} for a key (RFC 6901 escaping). */
    static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The key file named by the file store, or why it could not be used.
     *
     * @param path    as the configuration writes it
     * @param file    the keys, when it was read
     * @param problem why it was not, never holding a key or a hash
     */
    record KeyFileRead(String path, ApiKeyFile file, String problem) {
    }
}
