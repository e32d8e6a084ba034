package dev.apigw.security.validate;

import com.networknt.schema.Error;
import dev.apigw.security.Problem.ValidationError;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Words the validator's errors for the client: what the value must be, from the schema's own keywords, never the
 * value itself. The validator's messages are not used: some repeat the client's property names or values, and they
 * change with the JVM's locale.
 */
final class SchemaViolations {

    private static final int MAX_LISTED = 10;

    private SchemaViolations() {
    }

    /**
     * @param owner the schema object holding an error's keyword, or a missing node where it cannot be found
     */
    static List<ValidationError> translate(List<Error> errors, String location, String name,
                                           Function<Error, JsonNode> owner) {
        Set<ValidationError> out = new LinkedHashSet<>();
        for (Error e : errors) {
            String at = BodyPointer.of(e.getInstanceLocation());
            String pointer = name != null ? name : at;
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            if (e.getProperty() != null && name == null && namesProperty(keyword)) {
                pointer = BodyPointer.child(at, e.getProperty());
            }
            out.add(new ValidationError(location, pointer, message(keyword, e, owner)));
        }
        return new ArrayList<>(out);
    }

    private static boolean namesProperty(String keyword) {
        return switch (keyword) {
            case "required", "dependentRequired", "dependencies", "additionalProperties", "unevaluatedProperties",
                    "propertyNames" -> true;
            default -> false;
        };
    }

    private static String message(String keyword, Error e, Function<Error, JsonNode> owner) {
        JsonNode rule = e.getSchemaNode();
        // draft-04 writes an exclusive bound as a boolean beside minimum or maximum
        boolean exclusive = (keyword.equals("minimum") || keyword.equals("maximum"))
                && owner.apply(e).path(keyword.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum").asBoolean(false);
        return switch (keyword) {
            case "type" -> "must be " + types(rule);
            case "required" -> "is required";
            case "dependentRequired", "dependencies" -> "is required together with another property";
            case "additionalProperties", "unevaluatedProperties", "false" -> "is not allowed";
            case "propertyNames" -> "is not an allowed property name";
            case "enum" -> "must be one of: " + listed(rule);
            case "const" -> "must be " + shown(rule);
            case "pattern" -> "does not have the expected format";
            case "format" -> "must be a valid " + shown(rule);
            case "minLength" -> "must be at least " + rule + " characters long";
            case "maxLength" -> "must be at most " + rule + " characters long";
            case "minimum" -> exclusive ? "must be greater than " + rule : "must be at least " + rule;
            case "maximum" -> exclusive ? "must be less than " + rule : "must be at most " + rule;
            case "exclusiveMinimum" -> "must be greater than " + rule;
            case "exclusiveMaximum" -> "must be less than " + rule;
            case "multipleOf" -> "must be a multiple of " + rule;
            case "minItems" -> "must have at least " + rule + " items";
            case "maxItems" -> "must have at most " + rule + " items";
            case "uniqueItems" -> "must not repeat an item";
            case "minProperties" -> "must have at least " + rule + " properties";
            case "maxProperties" -> "must have at most " + rule + " properties";
            case "contains", "minContains", "maxContains" -> "does not contain the items required";
            case "oneOf" -> "must match exactly one of the allowed forms";
            case "anyOf" -> "must match at least one of the allowed forms";
            case "not" -> "has a form that is not allowed";
            case "items", "prefixItems", "unevaluatedItems", "additionalItems" -> "has items that are not allowed";
            default -> "does not satisfy the schema's \"" + keyword + "\" rule";
        };
    }

    private static String types(JsonNode rule) {
        List<String> names = new ArrayList<>();
        (rule.isArray() ? rule : List.of(rule)).forEach(t -> names.add(typeName(t.asString())));
        return String.join(" or ", names);
    }

    /** A JSON Schema type as a message names it: {@code integer} is "an integer". */
    static String typeName(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "null";
            default -> type;
        };
    }

    private static String listed(JsonNode values) {
        List<String> shown = new ArrayList<>();
        for (JsonNode v : values) {
            if (shown.size() == MAX_LISTED) {
                shown.add("...");
                break;
            }
            shown.add(shown(v));
        }
        return String.join(", ", shown);
    }

    /** A value from the schema (the operator's, not the client's), cut short. */
    private static String shown(JsonNode value) {
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
