package dev.apigw.security.validate;

import dev.apigw.security.Problem.ValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One query, path or header parameter of a route's {@code validate} block: required or not, and a JSON Schema for its
 * value, e.g. {@code limit: { type: integer, minimum: 1, maximum: 100, required: true }}.
 *
 * <p>The text of the parameter is first read as the schema's {@code type} says ({@code integer}, {@code number},
 * {@code boolean}, {@code string}, or {@code array} of those for a repeated parameter), then checked against the
 * schema, so {@code minimum}, {@code enum}, {@code pattern} (ReDoS-bounded) and the rest apply as in a body. A
 * parameter that is not an array may be given once only: two values invite the application and this check to read
 * different ones (parameter pollution).
 */
public final class ParameterRule {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,100}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,100}(\\.[0-9]{1,100})?([eE][+-]?[0-9]{1,5})?");

    private final String name;
    private final boolean required;
    private final String type;
    private final String itemType;
    private final CompiledSchema schema;

    private ParameterRule(String name, boolean required, String type, String itemType, CompiledSchema schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.required = required;
        this.type = type;
        this.itemType = itemType;
        this.schema = schema;
    }

    /** A parameter that must be present, with any value. */
    public static ParameterRule required(String name) {
        return new ParameterRule(name, true, "string", null, null);
    }

    /**
     * A parameter checked against {@code definition}, a JSON Schema that may also say {@code required: true}.
     *
     * @throws IllegalArgumentException where the definition is not a valid schema
     */
    public static ParameterRule of(String name, JsonNode definition, SchemaCompiler compiler) {
        if (!definition.isObject()) {
            throw new IllegalArgumentException("the rule of parameter " + name + " must be a JSON Schema object,"
                    + " e.g. { type: integer }");
        }
        ObjectNode schema = (ObjectNode) definition.deepCopy();
        boolean required = schema.path("required").isBoolean() && schema.remove("required").booleanValue();
        String type = typeOf(schema);
        String itemType = type.equals("array") ? typeOf(schema.path("items")) : null;
        return new ParameterRule(name, required, type, itemType, compiler.compile(schema, "parameter " + name));
    }

    /** This rule, required. */
    public ParameterRule asRequired() {
        return new ParameterRule(name, true, type, itemType, schema);
    }

    /** The parameter's name. */
    public String name() {
        return name;
    }

    /** Whether the parameter must be present. */
    public boolean isRequired() {
        return required;
    }

    boolean hasSchema() {
        return schema != null;
    }

    /** Checks the values a request gave the parameter, adding what is wrong to {@code errors}. */
    void check(List<String> values, String location, List<ValidationError> errors) {
        if (values.isEmpty()) {
            if (required) {
                errors.add(new ValidationError(location, name, "is required"));
            }
            return;
        }
        if (!type.equals("array") && values.size() > 1) {
            errors.add(new ValidationError(location, name, "must be given once"));
            return;
        }
        JsonNode value = type.equals("array") ? array(values) : read(values.get(0), type);
        if (value == null) {
            errors.add(new ValidationError(location, name,
                    "must be " + SchemaViolations.typeName(type.equals("array") ? itemType : type)));
        } else if (schema != null) {
            errors.addAll(schema.validate(value, location, name));
        }
    }

    private JsonNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        for (String v : values) {
            JsonNode item = read(v, itemType);
            if (item == null) {
                return null;
            }
            array.add(item);
        }
        return array;
    }

    private static JsonNode read(String text, String type) {
        return switch (type) {
            case "integer" -> INTEGER.matcher(text).matches() ? NODES.numberNode(new BigInteger(text)) : null;
            case "number" -> number(text);
            case "boolean" -> text.equals("true") || text.equals("false") ? NODES.booleanNode(text.equals("true"))
                    : null;
            default -> NODES.stringNode(text);
        };
    }

    private static JsonNode number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? NODES.numberNode(value) : null;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        return type.isString() ? type.asString() : "string";
    }

    @Override
    public String toString() {
        return "ParameterRule[" + name + (required ? ", required" : "") + ", " + type + "]";
    }
}
