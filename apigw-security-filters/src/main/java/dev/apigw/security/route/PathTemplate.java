package dev.apigw.security.route;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A route's path pattern, such as {@code /pets}, {@code /pets/{id}}, {@code /files/*} or {@code /static/**}, matched
 * segment by segment against {@linkplain NormalizedPath normalised} paths only.
 *
 * <p>{@code {name}} matches one segment and captures it (decoded, as the normalised path holds it), {@code *} matches
 * one segment, {@code **} matches zero or more and may only be last. Literals are compared exactly, case-sensitively
 * and as decoded text: write {@code /café}, not {@code /caf%C3%A9}. A template that could never match a
 * normalised path is refused by {@link #parse(String)} rather than left to fail silently. No regular expressions.
 */
public final class PathTemplate {

    private final String text;
    private final SegmentKind[] kinds;
    private final String[] texts;
    private final List<String> parameterNames;

    PathTemplate(String text, List<SegmentKind> kinds, List<String> texts) {
        this.text = text;
        this.kinds = kinds.toArray(new SegmentKind[0]);
        this.texts = texts.toArray(new String[0]);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < this.kinds.length; i++) {
            if (this.kinds[i] == SegmentKind.PARAMETER) {
                names.add(this.texts[i]);
            }
        }
        this.parameterNames = List.copyOf(names);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException saying what is wrong and what would be right
     */
    public static PathTemplate parse(String template) {
        return new PathTemplateParser(Objects.requireNonNull(template, "template")).parse();
    }

    /** The template as written. */
    public String text() {
        return text;
    }

    /** The names of the {@code {name}} segments, left to right. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Whether the template is literal only, so that it matches exactly one path: its own text. */
    boolean isLiteral() {
        for (SegmentKind kind : kinds) {
            if (kind != SegmentKind.LITERAL) {
                return false;
            }
        }
        return true;
    }

    /** Whether a normalised path matches. Allocates nothing. */
    public boolean matches(String normalisedPath) {
        int n = normalisedPath.length();
        int slash = n == 1 ? 1 : 0;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == SegmentKind.ANY_DEPTH) {
                return true;
            }
            if (slash >= n) {
                return false;
            }
            int start = slash + 1;
            int end = normalisedPath.indexOf('/', start);
            end = end < 0 ? n : end;
            boolean segmentMatches = kinds[i] == SegmentKind.LITERAL
                    ? regionIs(normalisedPath, start, end, texts[i])
                    : end > start;
            if (!segmentMatches) {
                return false;
            }
            slash = end;
        }
        return slash >= n;
    }

    /** The captured parameters of a path that {@link #matches(String) matches}, in template order. */
    Map<String, String> parameters(String normalisedPath) {
        if (parameterNames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        int slash = 0;
        for (int i = 0; i < kinds.length && kinds[i] != SegmentKind.ANY_DEPTH; i++) {
            int end = normalisedPath.indexOf('/', slash + 1);
            end = end < 0 ? normalisedPath.length() : end;
            if (kinds[i] == SegmentKind.PARAMETER) {
                values.put(texts[i], normalisedPath.substring(slash + 1, end));
            }
            slash = end;
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Negative when this template is more specific than the other: segment by segment, literal before
     * {@code {param}} before {@code *} before the end of a template before {@code **}. Zero when both have the same
     * kinds of segment in the same places.
     */
    int compareSpecificity(PathTemplate other) {
        int longest = Math.max(kinds.length, other.kinds.length);
        for (int i = 0; i < longest; i++) {
            int order = kindAt(i).compareTo(other.kindAt(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * The template with parameter names blanked, e.g. {@code /pets/{}}: two templates with the same shape match
     * exactly the same paths.
     */
    String shape() {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < kinds.length; i++) {
            shape.append('/').append(kinds[i] == SegmentKind.PARAMETER ? "{}" : texts[i]);
        }
        return shape.length() == 0 ? "/" : shape.toString();
    }

    private SegmentKind kindAt(int i) {
        return i < kinds.length ? kinds[i] : SegmentKind.END;
    }

    private static boolean regionIs(String path, int start, int end, String literal) {
        return end - start == literal.length() && path.regionMatches(start, literal, 0, literal.length());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
