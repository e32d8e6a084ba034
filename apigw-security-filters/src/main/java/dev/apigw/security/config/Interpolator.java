package dev.apigw.security.config;

import dev.apigw.security.SecretResolver;
import dev.apigw.security.config.PlaceholderTemplate.Literal;
import dev.apigw.security.config.PlaceholderTemplate.Part;
import dev.apigw.security.config.PlaceholderTemplate.Placeholder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replaces the placeholders in the string values of a parsed configuration tree, and remembers which values came
 * from a placeholder so that no message ever prints them.
 *
 * <p>It works on the tree, not on the file's text: a resolved value is always one string scalar, so an environment
 * variable holding {@code "x\nrequireHttps: false"} or {@code "]}"} cannot add keys or change the structure. Keys
 * are never interpolated. Resolved text is not scanned again, so a secret that contains {@code ${file:/etc/shadow}}
 * stays that literal text. Each value is bounded to 64 KiB and all of them together to 1 MiB.
 *
 * <p>A lenient interpolator (for tools that check a file away from where it runs, such as the linter) keeps a value
 * whose placeholder is undefined or of an unknown scheme as it was written, and lists it in {@link #unresolved()},
 * instead of failing.
 */
final class Interpolator {

    private static final int MAX_VALUE_CHARS = 64 * 1024;
    private static final int MAX_TOTAL_CHARS = 1024 * 1024;

    private final Map<String, SecretResolver> resolvers;
    private final FileSecretResolver files;
    private final boolean lenient;
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Map<String, String> unresolved = new LinkedHashMap<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private Throwable firstFailure;
    private long total;
    private boolean missing;

    /** @param resolvers by scheme, the built-in {@code env}, {@code sys} and {@code file} among them */
    Interpolator(Map<String, SecretResolver> resolvers, FileSecretResolver files) {
        this(resolvers, files, false);
    }

    /** @param lenient keep values with an undefined placeholder as written instead of failing */
    Interpolator(Map<String, SecretResolver> resolvers, FileSecretResolver files, boolean lenient) {
        this.resolvers = new TreeMap<>(resolvers);
        this.files = files;
        this.lenient = lenient;
    }

    /** After {@link #apply}: pointer to the placeholders a lenient interpolator left as written. */
    Map<String, String> unresolved() {
        return Map.copyOf(unresolved);
    }

    /**
     * Resolves every placeholder in place.
     *
     * @return pointer to the placeholders its value came from, as messages name them ({@code ${env:NAME}})
     * @throws ConfigException naming every placeholder that could not be resolved, and where
     */
    Map<String, String> apply(JsonNode root) {
        walk(root, Pointer.ROOT);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors, firstFailure);
        }
        return Map.copyOf(origins);
    }

    private void walk(JsonNode node, String pointer) {
        if (node instanceof ObjectNode object) {
            for (String key : List.copyOf(object.propertyNames())) {
                String at = Pointer.child(pointer, key);
                JsonNode child = object.get(key);
                if (child.isString()) {
                    resolve(child.stringValue(), at).ifPresent(v -> object.set(key, v));
                } else {
                    walk(child, at);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = Pointer.child(pointer, i);
                if (array.get(i).isString()) {
                    int index = i;
                    resolve(array.get(i).stringValue(), at).ifPresent(v -> array.set(index, v));
                } else {
                    walk(array.get(i), at);
                }
            }
        }
    }

    /** The replacement node, or empty when the value has neither placeholder nor escape. */
    private Optional<JsonNode> resolve(String text, String pointer) {
        if (!text.contains("${")) {
            return Optional.empty();
        }
        PlaceholderTemplate template;
        try {
            template = PlaceholderTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(pointer, e.getMessage()));
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        Set<String> used = new LinkedHashSet<>();
        missing = false;
        for (Part part : template.parts()) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Placeholder placeholder) {
                used.add(placeholder.display());
                value(placeholder, pointer).ifPresent(out::append);
            }
        }
        if (!used.isEmpty()) {
            origins.put(pointer, String.join(", ", used));
        }
        if (missing) {
            unresolved.put(pointer, String.join(", ", used));
            return Optional.empty();
        }
        return Optional.of(JsonNodeFactory.instance.stringNode(out.toString()));
    }

    private Optional<String> value(Placeholder p, String pointer) {
        SecretResolver resolver = resolvers.get(p.scheme());
        if (resolver == null && lenient) {
            missing = true;
            return Optional.empty();
        }
        if (resolver == null) {
            return fail(pointer, p.display() + " uses an unknown scheme " + Quoted.of(p.scheme())
                    + " (known: " + String.join(", ", resolvers.keySet()) + ")", null);
        }
        Optional<String> found;
        try {
            found = Optional.ofNullable(resolver.resolve(p.reference())).flatMap(o -> o);
        } catch (PlaceholderFailure e) {
            return fail(pointer, p.display() + " " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return fail(pointer, p.display() + " could not be resolved (" + e.getClass().getSimpleName() + ")", e);
        }
        if (p.fallback() != null && found.map(String::isEmpty).orElse(true)) {
            found = Optional.of(p.fallback());
        }
        if (found.isEmpty() && lenient) {
            missing = true;
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return fail(pointer, p.display() + " is not defined (" + howToDefine(p) + ")", null);
        }
        total += found.get().length();
        if (found.get().length() > MAX_VALUE_CHARS || total > MAX_TOTAL_CHARS) {
            return fail(pointer, p.display() + " gives more text than the loader takes (64KiB a value, 1MiB in all)",
                    null);
        }
        return found;
    }

    private String howToDefine(Placeholder p) {
        String orDefault = ", or write ${" + p.scheme() + ":" + Quoted.plain(p.reference(), 60) + ":-default}";
        return switch (p.scheme()) {
            case "env" -> "set the environment variable" + orDefault;
            case "sys" -> "set the system property with -D" + orDefault;
            case "file" -> "no file at " + Quoted.plain(files.locate(p.reference()).toString(), 200) + orDefault;
            default -> "the " + p.scheme() + " resolver has no value for it" + orDefault;
        };
    }

    private Optional<String> fail(String pointer, String message, Throwable cause) {
        errors.add(new ConfigError(pointer, message));
        if (firstFailure == null) {
            firstFailure = cause;
        }
        return Optional.empty();
    }
}
