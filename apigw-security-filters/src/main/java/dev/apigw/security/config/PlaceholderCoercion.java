package dev.apigw.security.config;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives a placeholder's text the type the schema expects where that is a whole number or a boolean, so that
 * {@code burst: ${env:BURST}} works.
 *
 * <p>A placeholder always yields text, and only the schema knows that {@code burst} wants a number; guessing from
 * the text alone would turn a secret that happens to be digits into a number. So the loader validates, converts
 * exactly the values the schema refused for their type (or for not being its numeric {@code const}, as
 * {@code version: 1}), and validates again. Only canonical forms convert
 * ({@code 20}, {@code -1}, {@code true}, {@code false}); anything else keeps its type error.
 */
final class PlaceholderCoercion {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private PlaceholderCoercion() {
    }

    /** Converts in place; true when anything changed and the tree should be validated again. */
    static boolean apply(JsonNode root, List<Error> errors, Map<String, String> origins) {
        boolean changed = false;
        for (Error e : errors) {
            String pointer = Pointer.of(e.getInstanceLocation());
            JsonNode node = e.getInstanceNode();
            if (!origins.containsKey(pointer) || node == null || !node.isString() || pointer.isEmpty()) {
                continue;
            }
            JsonNode typed = switch (e.getKeyword()) {
                case "type" -> convert(node.stringValue(), e.getSchemaNode());
                case "const" -> convert(node.stringValue(), typeOf(e.getSchemaNode()));
                default -> null;
            };
            if (typed != null) {
                replace(root, pointer, typed);
                changed = true;
            }
        }
        return changed;
    }

    private static JsonNode convert(String text, JsonNode expected) {
        boolean integer = expects(expected, "integer") || expects(expected, "number");
        if (integer && INTEGER.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
        }
        if (expects(expected, "boolean") && (text.equals("true") || text.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return null;
    }

    /** The type a {@code const} asks for, e.g. {@code version: 1} asks for an integer. */
    private static JsonNode typeOf(JsonNode constant) {
        String type = constant.isIntegralNumber() ? "integer" : constant.isBoolean() ? "boolean" : "string";
        return JsonNodeFactory.instance.stringNode(type);
    }

    private static boolean expects(JsonNode type, String name) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (name.equals(t.asString())) {
                    return true;
                }
            }
            return false;
        }
        return name.equals(type.asString());
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(Pointer.parent(pointer));
        String last = Pointer.last(pointer);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }
}
