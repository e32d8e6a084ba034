package dev.apigw.security.config;

import dev.apigw.security.json.JsonLine;

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
        JsonLine.escape(out, text);
        return out.toString();
    }
}
