package dev.apigw.security.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks one {@link PathTemplate}, refusing anything that a normalised path could never match so that a
 * mistyped route fails at start-up instead of never matching (and leaving its requests to the defaults).
 */
final class PathTemplateParser {

    private final String template;
    private final List<SegmentKind> kinds = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    PathTemplateParser(String template) {
        this.template = template;
    }

    PathTemplate parse() {
        if (template.isEmpty() || template.charAt(0) != '/') {
            throw invalid("must start with '/', e.g. \"/" + quoted(template) + "\"");
        }
        if (template.length() > 1 && template.endsWith("/")) {
            throw invalid("must not end with '/' (normalised paths never do); write \""
                    + quoted(withoutTrailingSlashes()) + "\"");
        }
        if (template.length() > 1) {
            String[] segments = template.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                add(segments[i], i == segments.length - 1);
            }
        }
        return new PathTemplate(template, kinds, texts);
    }

    private void add(String segment, boolean last) {
        if (segment.isEmpty()) {
            throw invalid("has an empty segment ('//'), which normalised paths never contain; use a single '/'");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw invalid("has a '" + segment + "' segment, which normalised paths never contain; write the path it"
                    + " stands for");
        }
        if (segment.equals("**")) {
            if (!last) {
                throw invalid("has '**' before the last segment; '**' may only end a template, use '*' or"
                        + " '{name}' for one segment");
            }
            kinds.add(SegmentKind.ANY_DEPTH);
            texts.add(segment);
        } else if (segment.equals("*")) {
            kinds.add(SegmentKind.WILDCARD);
            texts.add(segment);
        } else if (segment.startsWith("{") && segment.endsWith("}")) {
            addParameter(segment.substring(1, segment.length() - 1));
        } else {
            checkLiteral(segment);
            kinds.add(SegmentKind.LITERAL);
            texts.add(segment);
        }
    }

    private void addParameter(String name) {
        if (name.isEmpty()) {
            throw invalid("has an empty parameter '{}'; name it, e.g. '{id}'");
        }
        if (name.endsWith("+")) {
            throw invalid("has '{" + quoted(name) + "}'; for a greedy match end the template with '**' instead");
        }
        if (!isParameterName(name)) {
            throw invalid("has parameter name '" + quoted(name) + "'; a name starts with a letter or '_' and"
                    + " continues with letters, digits, '_', '-' or '.'");
        }
        if (!names.add(name)) {
            throw invalid("uses parameter '{" + name + "}' twice; give each parameter its own name");
        }
        kinds.add(SegmentKind.PARAMETER);
        texts.add(name);
    }

    private void checkLiteral(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '}') {
                throw invalid("has '" + c + "' inside a segment; a parameter is a whole segment, e.g. '/pets/{id}'");
            }
            if (c == '*') {
                throw invalid("has '*' inside a segment; '*' and '**' must be whole segments, e.g. '/files/*'");
            }
            if (c == '%') {
                throw invalid("has '%'; paths are matched decoded, so write the character itself (e.g. 'é', not"
                        + " '%C3%A9')");
            }
            if (c == '\\' || PathCharacters.isControl(c)) {
                throw invalid("has " + codePoint(c) + ", which normalised paths never contain; remove it");
            }
            if (Character.isSurrogate(c) && !isPairedAt(segment, i)) {
                throw invalid("has an unpaired surrogate " + codePoint(c) + "; the template is not valid text");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private String withoutTrailingSlashes() {
        int end = template.length();
        while (end > 1 && template.charAt(end - 1) == '/') {
            end--;
        }
        return template.substring(0, end);
    }

    private static boolean isPairedAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static boolean isParameterName(String name) {
        char first = name.charAt(0);
        if (!isAsciiLetter(first) && first != '_') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** The text with control characters escaped, so that a message never carries one into a log. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(PathCharacters.isControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("path template \"" + quoted(template) + "\" " + problem);
    }
}
