package dev.apigw.security.validate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a JSON body into a tree with Jackson's streaming parser, enforcing {@link JsonLimits} as it reads: nesting
 * depth, string, name and number lengths (Jackson's {@code StreamReadConstraints}), duplicate keys and content after
 * the value. A 10,000-deep array fails at the first level too deep, in memory bounded by the limit.
 *
 * <p>Builds the tree itself rather than through a mapper so that every failure knows its JSON Pointer and no message
 * ever repeats the client's text. Numbers beyond the range of a double are refused: they mean nothing to an API and
 * would cost a schema's {@code multipleOf} dearly as big decimals.
 */
final class JsonTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonFactory factory;
    private final JsonLimits limits;

    JsonTreeReader(JsonLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .build())
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The tree of a UTF-8 JSON text, from a stream that supports {@code mark} (the body's, or a byte array's). */
    JsonNode read(InputStream in) throws InvalidJsonException {
        refuseOtherEncodings(in);
        try (JsonParser parser = factory.createParser(in)) {
            try {
                return read(parser);
            } catch (StreamConstraintsException e) {
                throw new InvalidJsonException(pointer(parser), overLimit(e.getMessage()));
            } catch (JacksonException e) {
                throw new InvalidJsonException(pointer(parser), "is not valid JSON" + at(e.getLocation()));
            }
        }
    }

    /** UTF-16 and UTF-32 start with a zero byte or a byte order mark; Jackson would read them, RFC 8259 does not. */
    private static void refuseOtherEncodings(InputStream in) throws InvalidJsonException {
        try {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first == 0 || second == 0 || first == 0xFE || first == 0xFF) {
                throw new InvalidJsonException("", "is not UTF-8 (RFC 8259 §8.1)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(JsonParser parser) throws InvalidJsonException {
        Deque<ContainerNode<?>> open = new ArrayDeque<>();
        JsonNode root = null;
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new InvalidJsonException("", "holds no JSON value");
        }
        while (token != null) {
            JsonNode node = switch (token) {
                case START_OBJECT -> NODES.objectNode();
                case START_ARRAY -> NODES.arrayNode();
                case END_OBJECT, END_ARRAY, PROPERTY_NAME -> null;
                case VALUE_STRING -> NODES.stringNode(parser.getString());
                case VALUE_NUMBER_INT -> integer(parser);
                case VALUE_NUMBER_FLOAT -> number(parser);
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                default -> NODES.nullNode();
            };
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open.pop();
            } else if (node != null) {
                if (open.isEmpty()) {
                    root = node;
                } else {
                    add(open.peek(), node, parser);
                }
                if (node instanceof ContainerNode<?> container) {
                    open.push(container);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            token = parser.nextToken();
        }
        if (trailing(parser)) {
            throw new InvalidJsonException("", "has content after the JSON value");
        }
        return root;
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (JacksonException e) {
            return true;
        }
    }

    private void add(ContainerNode<?> parent, JsonNode node, JsonParser parser) throws InvalidJsonException {
        if (parent instanceof ArrayNode array) {
            array.add(node);
            return;
        }
        JsonNode previous = ((ObjectNode) parent).replace(parser.currentName(), node);
        if (previous != null && limits.rejectDuplicateKeys()) {
            throw new InvalidJsonException(pointer(parser), "names the same property twice");
        }
    }

    private static JsonNode integer(JsonParser parser) {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static JsonNode number(JsonParser parser) throws InvalidJsonException {
        double value = parser.getDoubleValue();
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw new InvalidJsonException(pointer(parser), "is a number out of range");
        }
        return NODES.numberNode(value);
    }

    private String overLimit(String message) {
        String m = message == null ? "" : message;
        if (m.contains("getMaxNestingDepth")) {
            return "nests arrays and objects deeper than " + limits.maxDepth() + " levels";
        }
        if (m.contains("getMaxNameLength")) {
            return "has a property name longer than " + limits.maxStringLength() + " characters";
        }
        if (m.contains("getMaxStringLength")) {
            return "has a string longer than " + limits.maxStringLength() + " characters";
        }
        if (m.contains("getMaxNumberLength")) {
            return "has a number longer than " + limits.maxNumberLength() + " characters";
        }
        return "exceeds a limit of JSON bodies";
    }

    private static String pointer(JsonParser parser) {
        return BodyPointer.shown(parser.streamReadContext().pathAsPointer().toString());
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
