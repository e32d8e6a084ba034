package dev.apigw.security.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One string value of the configuration file, split into literal text and {@code ${scheme:reference}} or
 * {@code ${scheme:reference:-default}} placeholders.
 *
 * <p>{@code $${} is a literal {@code ${}; any other {@code $} is itself. A default ends at the first {@code }},
 * and placeholders do not nest: a value that needs either is better set whole in the environment.
 */
final class PlaceholderTemplate {

    /** A piece of the value: literal text or a placeholder. */
    sealed interface Part permits Literal, Placeholder {
    }

    record Literal(String text) implements Part {
    }

    /** @param fallback the text after {@code :-}, or {@code null} when there is none */
    record Placeholder(String scheme, String reference, String fallback) implements Part {

        /** How messages name it: {@code ${env:NAME}}, without the default, escaped and bounded. */
        String display() {
            return Quoted.plain("${" + scheme + ":" + reference + "}", 100);
        }
    }

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    private final List<Part> parts;

    private PlaceholderTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * @throws IllegalArgumentException for an unclosed, nested or scheme-less placeholder; the message quotes the
     *                                  placeholder as written in the file, which holds no resolved value
     */
    static PlaceholderTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("has an unclosed placeholder " + Quoted.of(text.substring(i))
                            + " (close it with }, or write $${ for a literal ${)");
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(placeholder(text.substring(i, end + 1)));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new PlaceholderTemplate(parts);
    }

    List<Part> parts() {
        return parts;
    }

    private static Placeholder placeholder(String written) {
        String body = written.substring(2, written.length() - 1);
        if (body.contains("${")) {
            throw new IllegalArgumentException("nests placeholders in " + Quoted.of(written)
                    + " (placeholders cannot be nested)");
        }
        int colon = body.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(body.substring(0, colon)).matches()) {
            throw new IllegalArgumentException("has a placeholder without a scheme, " + Quoted.of(written)
                    + " (write ${env:NAME}, ${sys:NAME} or ${file:PATH}; $${ for a literal ${)");
        }
        String rest = body.substring(colon + 1);
        int dash = rest.indexOf(":-");
        String reference = dash < 0 ? rest : rest.substring(0, dash);
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("has a placeholder that names nothing, " + Quoted.of(written));
        }
        return new Placeholder(body.substring(0, colon), reference, dash < 0 ? null : rest.substring(dash + 2));
    }
}
