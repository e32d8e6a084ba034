package dev.apigw.security.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A node of a checked {@link ConfigDocument} together with its JSON pointer, so that every value the mapper reads and
 * every builder it calls can fail with the pointer of the node that was wrong.
 */
final class ConfigNode {

    private final ConfigDocument document;
    private final JsonNode node;
    private final String pointer;

    ConfigNode(ConfigDocument document, JsonNode node, String pointer) {
        this.document = document;
        this.node = node == null ? MissingNode.getInstance() : node;
        this.pointer = pointer;
    }

    static ConfigNode root(ConfigDocument document) {
        return new ConfigNode(document, document.tree(), "");
    }

    ConfigNode get(String name) {
        return new ConfigNode(document, node.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    String pointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    boolean isText() {
        return node.isString();
    }

    String text() {
        return node.asString();
    }

    boolean bool(boolean defaultValue) {
        return present() ? node.booleanValue() : defaultValue;
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : node) {
            out.add(e.asString());
        }
        return out;
    }

    List<ConfigNode> elements() {
        List<ConfigNode> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : node) {
            out.add(new ConfigNode(document, e, pointer + "/" + i++));
        }
        return out;
    }

    /** A file path, relative to the configuration file's directory unless absolute. */
    Path path() {
        return build(() -> {
            try {
                return document.baseDirectory().resolve(text());
            } catch (InvalidPathException e) {
                throw new InvalidValueException(text(), "is not a file path");
            }
        });
    }

    /** A duration; the schema also admits the number 0. */
    Duration duration() {
        return node.isNumber() ? Duration.ofSeconds(node.longValue()) : parse(DurationFormat::parse);
    }

    /** Parses this node's text, turning a parser's refusal into an error at this pointer. */
    <T> T parse(Function<String, T> parser) {
        return build(() -> parser.apply(text()));
    }

    /** Runs builder code for this node; its refusal becomes an error at this pointer. */
    <T> T build(Supplier<T> code) {
        try {
            return code.get();
        } catch (IllegalArgumentException e) {
            throw document.error(pointer(), e);
        }
    }

    /** Refuses a section this version does not implement yet, rather than ignoring it silently. */
    void refuseIfPresent(String what) {
        if (present()) {
            throw document.error(pointer(), what + " is not implemented in this version yet; remove it"
                    + " (CHANGELOG.md says what is supported) rather than run without it");
        }
    }

    ConfigException error(String message) {
        return document.error(pointer(), message);
    }
}
