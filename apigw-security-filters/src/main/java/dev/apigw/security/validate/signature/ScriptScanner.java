package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.MarkupScanner.at;
import static dev.apigw.security.validate.signature.MarkupScanner.skipSpaces;

/**
 * Finds script outside markup, in one pass over lower-case text: event handlers injected into an attribute
 * ({@code " onmouseover=alert(1)}), calls of sinks ({@code eval(}, {@code alert(}, {@code setTimeout(}), reaching
 * for {@code document.cookie} or {@code window["alert"]}, tagged templates ({@code .call`}), JSFuck, template
 * injection ({@code constructor.constructor}), comment break-outs ({@code -->}) and script in CSS
 * ({@code expression(}, {@code -moz-binding}); script URLs are {@link ScriptUrls}' part.
 */
final class ScriptScanner {

    private static final int MAX_COMMENT = 256;
    private static final String[] CSS = {"-moz-binding", "behavior:url(", "behaviour:url("};

    private ScriptScanner() {
    }

    static boolean matches(String s) {
        int n = s.length();
        int first = skipSpaces(s, 0);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) && (i == 0 || !isIdentifierPart(s.charAt(i - 1))) && wordAt(s, i, i == first)) {
                return true;
            }
            if (c == '!' && jsFuck(s, i)) {
                return true;
            }
            if (c == '`' && i > 0 && taggedTemplate(s, i)) {
                return true;
            }
        }
        for (String css : CSS) {
            if (s.contains(css)) {
                return true;
            }
        }
        return "-->".equals(s.strip()) || s.contains("--><") || s.contains("constructor.constructor")
                || ScriptUrls.cssScriptUrl(s) || ScriptUrls.attributeInjection(s);
    }

    /** Rules that start at a word beginning at {@code i}. */
    private static boolean wordAt(String s, int i, boolean first) {
        int end = i;
        while (end < s.length() && isIdentifierPart(s.charAt(end)) && end - i <= 64) {
            end++;
        }
        String word = s.substring(i, end);
        if (word.startsWith("on") && eventHandler(s, word, end)) {
            return true;
        }
        if (word.charAt(0) == 'j' || word.charAt(0) == 'v' || word.charAt(0) == 'l') {
            if (ScriptUrls.scriptScheme(s, i, first)) {
                return true;
            }
        }
        if ("data".equals(word) && ScriptUrls.dataUrl(s, end)) {
            return true;
        }
        if (MarkupLexicon.WORD_SINKS.contains(word)) {
            return at(s, end) == '(' || at(s, end) == '`';
        }
        if (MarkupLexicon.ROOTS.contains(word)) {
            return property(s, end);
        }
        boolean call = MarkupLexicon.SINKS.contains(word) || "function".equals(word) || "expression".equals(word);
        char next = call ? at(s, skipComments(s, end)) : 0;
        if (next != '(' && next != '`') {
            return false;
        }
        return switch (word) {
            case "function" -> s.startsWith("new", Math.max(0, i - 4));
            case "expression" -> next == '(' && i > 0 && (s.charAt(i - 1) == ':' || s.charAt(i - 1) == ' ');
            default -> true;
        };
    }

    /** {@code onerror=} with a known event, or any {@code onxyz=} whose value calls something. */
    private static boolean eventHandler(String s, String word, int end) {
        int eq = skipSpaces(s, end);
        if (word.length() < 5 || at(s, eq) != '=' || at(s, eq + 1) == '=') {
            return false;
        }
        if (MarkupLexicon.EVENTS.contains(word.substring(2))) {
            return true;
        }
        int v = skipSpaces(s, eq + 1);
        if (at(s, v) == '"' || at(s, v) == '\'') {
            v++;
        }
        int limit = Math.min(s.length(), v + 64);
        for (int k = v; k < limit && !Character.isWhitespace(s.charAt(k)); k++) {
            if (s.charAt(k) == '(' || s.charAt(k) == '`') {
                return k > v;
            }
        }
        return false;
    }

    /** {@code document.cookie}, {@code window["alert"]}, {@code self[/**}{@code /"x"]}, {@code (document)["c"]}. */
    private static boolean property(String s, int end) {
        int i = skipComments(s, end);
        if (at(s, i) == ')') {
            i = skipComments(s, i + 1);
        }
        char c = at(s, i);
        if (c == '[') {
            char q = at(s, skipComments(s, i + 1));
            return q == '"' || q == '\'' || q == '`';
        }
        if (c != '.') {
            return false;
        }
        int start = skipComments(s, i + 1);
        int stop = start;
        while (stop < s.length() && isIdentifierPart(s.charAt(stop)) && stop - start <= 32) {
            stop++;
        }
        return MarkupLexicon.PROPERTIES.contains(s.substring(start, stop));
    }

    /** {@code ![]} and {@code !![]} as JSFuck writes them, not a Markdown image {@code ![](url)}. */
    private static boolean jsFuck(String s, int i) {
        int j = at(s, i + 1) == '!' ? i + 1 : i;
        if (!(at(s, j + 1) == '[' && at(s, j + 2) == ']')) {
            return false;
        }
        char after = at(s, j + 3);
        return after == 0 || after == '+' || after == ']' || after == ')' || after == '[' || after == ' '
                || after == '!';
    }

    /** {@code [].sort.call`${alert}1`}: calling through a tagged template, which needs no parentheses. */
    private static boolean taggedTemplate(String s, int tick) {
        int end = tick;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.startsWith("call", end - 4) || s.startsWith("apply", end - 5) || s.startsWith("bind", end - 4)
                || (s.startsWith("${", tick + 1) && at(s, skipSpaces(s, tick + 3)) != '}');
    }

    /**
     * Skips spaces and {@code /*...*}{@code /} comments of up to {@link #MAX_COMMENT} characters; a longer comment
     * stops the skip, so that many unclosed comments cannot make the scan quadratic.
     */
    private static int skipComments(String s, int i) {
        int k = skipSpaces(s, i);
        while (s.startsWith("/*", k)) {
            int limit = Math.min(s.length(), k + MAX_COMMENT);
            int close = -1;
            for (int j = k + 2; j + 1 < limit && close < 0; j++) {
                close = s.charAt(j) == '*' && s.charAt(j + 1) == '/' ? j : -1;
            }
            if (close < 0) {
                return k;
            }
            k = skipSpaces(s, close + 2);
        }
        return k;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
