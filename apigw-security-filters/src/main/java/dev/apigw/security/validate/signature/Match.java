package dev.apigw.security.validate.signature;

import java.util.Objects;

/**
 * A signature that matched: which category, in which part of the request and in which field.
 *
 * <p>A match never carries the offending value, so it can be logged and put into the audit record as it is. The
 * field is the parameter, header or cookie name or JSON pointer, reduced to safe characters by
 * {@link #describe()}; where the attack sat in a name, the name itself is withheld.
 *
 * @param category the attack category
 * @param location where in the request
 * @param field    the parameter, header or cookie name, or the JSON pointer; empty for the path and lone values
 * @param inName   whether the signature was in the name of a parameter, cookie or JSON member rather than its value
 */
public record Match(Category category, Location location, String field, boolean inName) {

    private static final int MAX_FIELD = 64;

    public Match {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(field, "field");
    }

    /**
     * A one-line description for the audit record and logs, e.g. {@code sqli in query parameter "q"}. Only
     * letters, digits and {@code -_./[]} of the field are kept, so that no attacker-chosen text reaches a log.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(category.configName()).append(" in ").append(location.label());
        if (inName) {
            return sb.append(" name").toString();
        }
        if (!field.isEmpty()) {
            sb.append(" \"").append(safe(field)).append('"');
        }
        return sb.toString();
    }

    private static String safe(String text) {
        int n = Math.min(text.length(), MAX_FIELD);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "-_./[]".indexOf(c) >= 0);
            sb.append(plain ? c : '?');
        }
        return text.length() > MAX_FIELD ? sb.append("...").toString() : sb.toString();
    }
}
