package dev.apigw.security.json;

/**
 * Writes one JSON object on one line, escaping every string so that no input (quotes, CR, LF, control characters,
 * lone surrogates) can break the line or forge a field (RFC 8259 §7).
 *
 * <p>Deliberately tiny: the audit record and the problem document are flat, and this keeps their hot path free of
 * reflection and of a general serializer's allocations.
 */
public final class JsonLine {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private boolean first = true;

    /** Starts an object. */
    public JsonLine(int capacity) {
        out = new StringBuilder(capacity);
        out.append('{');
    }

    /** Adds a string field; a {@code null} value leaves the field out. */
    public JsonLine field(String name, String value) {
        if (value != null) {
            name(name);
            string(out, value);
        }
        return this;
    }

    /** Adds a number field. */
    public JsonLine field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** Adds a field whose value is already valid JSON (an array or object built with this class). */
    public JsonLine rawField(String name, String json) {
        name(name);
        out.append(json);
        return this;
    }

    /** Closes the object and returns it. */
    public String end() {
        out.append('}');
        return out.toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(out, name);
        out.append(':');
    }

    /** Appends a JSON string literal for {@code value}. */
    public static void string(StringBuilder out, String value) {
        out.append('"');
        escape(out, value);
        out.append('"');
    }

    /**
     * Appends {@code value} escaped for the inside of a JSON string. Beyond what JSON requires, every control,
     * format (bidi overrides, zero-width characters) and line or paragraph separator character, and every lone
     * surrogate, is written as a {@code \\u} escape, so that a log line shows what was sent and cannot be made to read
     * differently from what it holds.
     */
    public static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(value, i, c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static boolean needsEscape(String text, int i, char c) {
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
