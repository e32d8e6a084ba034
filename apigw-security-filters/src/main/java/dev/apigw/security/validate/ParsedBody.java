package dev.apigw.security.validate;

import dev.apigw.security.Problem;
import dev.apigw.security.SecurityExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * A request body as the controls read it: parsed once per request, by the first control that asks, and shared with
 * every later one (the attack signatures and the request validation read the same tree). The application still
 * receives the bytes unchanged.
 *
 * <p>JSON bodies ({@code application/json}, {@code +json}) become a tree read within {@link JsonLimits}; form bodies
 * ({@code application/x-www-form-urlencoded}) their fields, decoded as the application's {@code getParameter} sees
 * them (and, for a body schema, {@link Form#asTree()}); any other type stays bytes ({@link Raw}). A body that cannot be read or parsed is {@link Refused}, carrying
 * the answer: 413 for a body over the limit, 400 for malformed JSON.
 */
public sealed interface ParsedBody permits ParsedBody.None, ParsedBody.Json, ParsedBody.Form, ParsedBody.Raw,
        ParsedBody.Refused {

    /** The body of the exchange's request, read and parsed on the first call and shared afterwards. */
    static ParsedBody of(SecurityExchange exchange, BodyParser parser) {
        String contentType = exchange.request().header("Content-Type");
        return exchange.request().body().view(ParsedBody.class, body -> parser.parse(body, contentType));
    }

    /**
     * Calls {@code visitor} with every string of the body and its JSON Pointer: each property name and string value
     * of a JSON body, each field name and value of a form. Other bodies have none.
     */
    default void forEachString(StringVisitor visitor) {
    }

    /** Receives the strings of a body. */
    @FunctionalInterface
    interface StringVisitor {
        /**
         * @param pointer where the string is: the pointer of its value, or of the property it names
         * @param value   the decoded string
         */
        void visit(String pointer, String value);
    }

    /** No body, or an empty one. */
    record None() implements ParsedBody {
    }

    /** A JSON body within the limits; the tree must not be changed. */
    record Json(JsonNode tree) implements ParsedBody {
        @Override
        public void forEachString(StringVisitor visitor) {
            walk(tree, "", visitor);
        }

        private static void walk(JsonNode node, String pointer, StringVisitor visitor) {
            if (node.isString()) {
                visitor.visit(pointer, node.stringValue());
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String child = pointer + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
                    visitor.visit(child, property.getKey());
                    walk(property.getValue(), child, visitor);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), pointer + "/" + i, visitor);
                }
            }
        }
    }

    /** A form body's fields, decoded as UTF-8, in order of first appearance. */
    record Form(Map<String, List<String>> fields) implements ParsedBody {

        /**
         * The fields as a JSON object for a body schema: a field given once is a string, a repeated one an array of
         * strings. Form values have no other types.
         */
        public JsonNode asTree() {
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                List<String> values = field.getValue();
                if (values.size() == 1) {
                    tree.put(field.getKey(), values.get(0));
                } else {
                    values.forEach(tree.putArray(field.getKey())::add);
                }
            }
            return tree;
        }

        @Override
        public void forEachString(StringVisitor visitor) {
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                String pointer = "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                visitor.visit(pointer, field.getKey());
                List<String> values = field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    visitor.visit(pointer + "/" + i, values.get(i));
                }
            }
        }
    }

    /**
     * A body of another media type, left as bytes ({@code RequestBody#open()}).
     *
     * @param mediaType its media type, or {@code null} where the request named none or a malformed one
     */
    record Raw(MediaType mediaType) implements ParsedBody {
    }

    /** A body that cannot be used, with the answer to give: 413, or 400 with the error's pointer. */
    record Refused(Problem problem) implements ParsedBody {
    }
}
