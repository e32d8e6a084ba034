package dev.apigw.security.config;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the validator's errors into messages that say what is wrong and what would be right, at the JSON Pointer
 * of the offending node.
 *
 * <p>The validator's own messages are never used: they print schema regexes and, worse, instance values, and a
 * value that came from a placeholder must never be printed. The schema carries the words instead: {@code x-hint}
 * names what a valid value looks like ({@code "10 per sec" is not a rate (write N/s, N/m or N/h)}), {@code x-rule}
 * states a rule over several keys.
 */
final class SchemaErrorTranslator {

    private static final Set<String> VALUE_KEYWORDS = Set.of("type", "const", "enum", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "not", "oneOf", "anyOf");

    private final JsonNode schema;

    SchemaErrorTranslator(JsonNode schema) {
        this.schema = schema;
    }

    /**
     * @param origins pointer to the placeholders its value came from, e.g. {@code ${env:REDIS_URI}}; those values
     *                are shown as {@code (value from ${env:REDIS_URI})}
     */
    List<Violation> translate(List<Error> errors, Map<String, String> origins) {
        List<Violation> out = new ArrayList<>();
        for (Error e : BranchPruning.prune(errors)) {
            String pointer = Pointer.of(e.getInstanceLocation());
            String keywordPointer = Pointer.of(e.getSchemaLocation().getFragment());
            JsonNode owner = schema.at(Pointer.parent(keywordPointer));
            String shown = origins.containsKey(pointer)
                    ? "(value from " + origins.get(pointer) + ")"
                    : Quoted.describe(e.getInstanceNode());
            String message = message(e, owner, keywordPointer, shown, pointer, origins);
            boolean aboutPresence = e.getKeyword().equals("required") || owner.has("x-rule");
            out.add(new Violation(pointer, e.getInstanceNode(), message, aboutPresence));
        }
        return out;
    }

    private String message(Error e, JsonNode owner, String keywordPointer, String shown, String pointer,
                           Map<String, String> origins) {
        String keyword = e.getKeyword();
        JsonNode value = e.getSchemaNode();
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties":
                return unknownKey(e.getProperty(), owner.path("properties").propertyNames());
            case "required":
                return "missing key " + Quoted.of(e.getProperty()) + condition(keywordPointer);
            case "propertyNames":
                return "key " + Quoted.of(e.getProperty()) + hinted(resolve(value), " is not allowed here");
            case "uniqueItems":
                return duplicate(e.getInstanceNode(), pointer, origins);
            default:
                break;
        }
        if (owner.has("x-rule") && (keyword.equals("oneOf") || keyword.equals("anyOf"))) {
            return owner.get("x-rule").stringValue();
        }
        if (owner.has("x-hint") && VALUE_KEYWORDS.contains(keyword)) {
            return shown + " is not " + owner.get("x-hint").stringValue();
        }
        // no "did you mean" for a placeholder's value: the suggestion would hint at the secret
        return shown + generic(keyword, value, origins.containsKey(pointer) ? null : e.getInstanceNode());
    }

    private static String generic(String keyword, JsonNode value, JsonNode instance) {
        return switch (keyword) {
            case "type" -> " is not " + typeNames(value);
            case "const" -> " is not " + value;
            case "enum" -> notOneOf(value, instance);
            case "pattern" -> " does not match " + Quoted.of(value.asString());
            case "minimum" -> " is less than " + value;
            case "maximum" -> " is more than " + value;
            case "minLength" -> value.asInt() == 1 ? " is empty" : " is shorter than " + value + " characters";
            case "maxLength" -> " is longer than " + value + " characters";
            case "minItems" -> value.asInt() == 1 ? " is empty (list at least one item)"
                    : " has fewer than " + value + " items";
            case "maxItems" -> " has more than " + value + " items";
            default -> " is not allowed here (" + keyword + ")";
        };
    }

    private static String notOneOf(JsonNode allowed, JsonNode instance) {
        List<String> names = new ArrayList<>();
        allowed.forEach(v -> names.add(v.isString() ? v.stringValue() : v.toString()));
        String suggestion = instance != null && instance.isString()
                ? ClosestMatch.among(instance.stringValue(), names).map(s -> " (did you mean " + Quoted.of(s) + "?)")
                        .orElse("")
                : "";
        return " is not one of " + String.join(", ", names) + suggestion;
    }

    private static String unknownKey(String key, Collection<String> allowed) {
        String start = "unknown key " + Quoted.of(key);
        return ClosestMatch.among(key, allowed)
                .map(s -> start + " (did you mean " + Quoted.of(s) + "?)")
                .orElseGet(() -> start + (allowed.isEmpty() ? "" : " (allowed here: " + String.join(", ", allowed) + ")"));
    }

    private static String typeNames(JsonNode type) {
        List<String> names = new ArrayList<>();
        (type.isArray() ? type : List.of(type)).forEach(t -> names.add(switch (t.asString()) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> t.asString();
        }));
        return String.join(" or ", names);
    }

    private static String duplicate(JsonNode list, String pointer, Map<String, String> origins) {
        for (int j = 1; j < list.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (list.get(i).equals(list.get(j))) {
                    String at = Pointer.child(pointer, j);
                    String shown = origins.containsKey(at) ? "(value from " + origins.get(at) + ")"
                            : Quoted.describe(list.get(j));
                    return "lists " + shown + " more than once";
                }
            }
        }
        return "lists an item more than once";
    }

    /** For a {@code required} inside {@code then}: the {@code if} beside it, as "when type is redis". */
    private String condition(String keywordPointer) {
        String owner = Pointer.parent(keywordPointer);
        if (!Pointer.last(owner).equals("then")) {
            return "";
        }
        JsonNode properties = schema.at(Pointer.child(Pointer.parent(owner), "if")).path("properties");
        String when = properties.properties().stream()
                .filter(p -> p.getValue().has("const"))
                .map(p -> p.getKey() + " is " + p.getValue().get("const").asString())
                .collect(Collectors.joining(" and "));
        return when.isEmpty() ? "" : " (needed when " + when + ")";
    }

    private String hinted(JsonNode target, String otherwise) {
        return target.has("x-hint") ? " is not " + target.get("x-hint").stringValue() : otherwise;
    }

    /** Follows one local {@code $ref}, enough for the {@code propertyNames} of this schema. */
    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isString() && ref.stringValue().startsWith("#") ? schema.at(ref.stringValue().substring(1)) : node;
    }
}
