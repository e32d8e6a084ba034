package dev.apigw.security.config;

import tools.jackson.databind.JsonNode;

/**
 * Renders a configuration value for an error message: quoted, escaped and cut short.
 *
 * <p>Operators read these messages in terminals and log viewers, so control characters, Unicode format
 * characters (bidi overrides, zero-width joiners) and lone surrogates are escaped: a value can neither break the
 * one-line form of a message nor hide what it says. Long values are cut at {@value #MAX_CHARS} characters.
 */
final class Quoted {

    static final int MAX_CHARS = 60;

    private Quoted() {
    }

    /** The value in double quotes, escaped; {@code ...} after the closing quote says it was cut. */
    static String of(String value) {
        boolean cut = value.codePointCount(0, value.length()) > MAX_CHARS;
        String shown = cut ? value.substring(0, value.offsetByCodePoints(0, MAX_CHARS)) : value;
        return '"' + escape(shown) + '"' + (cut ? "..." : "");
    }

    /** A JSON node as a message shows it: strings quoted, numbers and literals as written, containers by kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isString()) {
            return of(node.stringValue());
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return plain(node.toString(), MAX_CHARS);
    }

    /** Escaped and cut to {@code max} characters, without quotes: for keys in pointers and parser messages. */
    static String plain(String text, int max) {
        boolean cut = text.codePointCount(0, text.length()) > max;
        String shown = cut ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
        return escape(shown) + (cut ? "..." : "");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(text, i, c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String text, int i, char c) {
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
