package dev.apigw.security.auth.authorizer;

import dev.apigw.security.RequestView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One identity source of a custom authorizer, written {@code header:NAME} or {@code query:NAME} as in API Gateway:
 * a request value the plugin needs, which is also part of the cache key.
 *
 * @param kind where the value is read
 * @param name the header (case-insensitive) or query parameter name
 */
public record IdentitySource(Kind kind, String name) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Where an identity source is read. */
    public enum Kind {
        /** A request header. */
        HEADER,
        /** A query parameter. */
        QUERY
    }

    public IdentitySource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** Parses {@code header:NAME} or {@code query:NAME}. */
    public static IdentitySource parse(String text) {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon);
        String name = text.substring(colon + 1);
        if (prefix.equals("header") && TOKEN.matcher(name).matches()) {
            return new IdentitySource(Kind.HEADER, name);
        }
        if (prefix.equals("query") && !name.isEmpty() && name.chars().noneMatch(c -> c <= ' ' || c == 0x7f)) {
            return new IdentitySource(Kind.QUERY, name);
        }
        throw new IllegalArgumentException("\"" + text.replaceAll("\\p{Cntrl}", "?") + "\" is not an identity source"
                + " (write header:NAME or query:NAME)");
    }

    /** The non-blank values the request carries for this source, in order. */
    List<String> values(RequestView request) {
        List<String> all = kind == Kind.HEADER ? request.headers(name) : request.queryParameters(name);
        if (all.size() == 1) {
            return all.get(0).isBlank() ? List.of() : all;
        }
        List<String> present = new ArrayList<>(all.size());
        for (String v : all) {
            if (!v.isBlank()) {
                present.add(v);
            }
        }
        return present;
    }

    /** The key two sources clash on: header names are case-insensitive, query names are not. */
    String identity() {
        return kind == Kind.HEADER ? "header:" + name.toLowerCase(Locale.ROOT) : "query:" + name;
    }

    /** As written in the configuration, e.g. {@code header:X-Partner-Token}. */
    @Override
    public String toString() {
        return (kind == Kind.HEADER ? "header:" : "query:") + name;
    }
}
