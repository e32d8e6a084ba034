package dev.apigw.security.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A route's {@code validate} block: the media types it accepts, the JSON Schema of its body, and the rules of its
 * query, path and header parameters. Immutable; every schema in it was compiled when it was built.
 */
public final class RouteValidation {

    private final List<MediaType> contentTypes;
    private final CompiledSchema body;
    private final List<ParameterRule> query;
    private final List<ParameterRule> path;
    private final List<ParameterRule> headers;

    private RouteValidation(Builder b) {
        this.contentTypes = List.copyOf(b.contentTypes);
        this.body = b.body;
        this.query = List.copyOf(b.query.values());
        this.path = List.copyOf(b.path.values());
        this.headers = List.copyOf(b.headers.values());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The accepted media types; empty for any. */
    public List<MediaType> contentTypes() {
        return contentTypes;
    }

    /** The schema of the body, or {@code null}. */
    public CompiledSchema body() {
        return body;
    }

    /** The query parameter rules. */
    public List<ParameterRule> query() {
        return query;
    }

    /** The path parameter rules. */
    public List<ParameterRule> path() {
        return path;
    }

    /** The header rules. */
    public List<ParameterRule> headers() {
        return headers;
    }

    /** Builds a {@link RouteValidation}. */
    public static final class Builder {
        private final List<MediaType> contentTypes = new ArrayList<>();
        private CompiledSchema body;
        private final Map<String, ParameterRule> query = new LinkedHashMap<>();
        private final Map<String, ParameterRule> path = new LinkedHashMap<>();
        private final Map<String, ParameterRule> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /** Media types accepted for a body, such as {@code application/json} or {@code text/*}. */
        public Builder contentTypes(List<String> types) {
            for (String t : types) {
                MediaType type = MediaType.parse(t);
                if (type == null || type.charset() != null) {
                    throw new IllegalArgumentException("\"" + t + "\" is not a media type (write application/json)");
                }
                contentTypes.add(type);
            }
            return this;
        }

        /** The schema the body must satisfy; the body must then be JSON. */
        public Builder body(CompiledSchema schema) {
            this.body = schema;
            return this;
        }

        /** A query parameter rule. */
        public Builder query(ParameterRule rule) {
            query.put(rule.name(), rule);
            return this;
        }

        /** A path parameter rule; its name must be a {@code {name}} of the route's template. */
        public Builder path(ParameterRule rule) {
            path.put(rule.name(), rule);
            return this;
        }

        /** A header rule; a header named twice (typed and in {@code required}) is required and typed. */
        public Builder header(ParameterRule rule) {
            headers.merge(rule.name().toLowerCase(Locale.ROOT), rule, (old, added) -> {
                ParameterRule typed = added.hasSchema() ? added : old;
                return old.isRequired() || added.isRequired() ? typed.asRequired() : typed;
            });
            return this;
        }

        public RouteValidation build() {
            return new RouteValidation(this);
        }
    }
}
