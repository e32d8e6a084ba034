package dev.apigw.security.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser pages on other origins may call the API, with which methods and headers, and what they may read
 * (CONTRACT §3 {@code cors}; Fetch §3.2 "CORS protocol").
 *
 * <p>Immutable, like Spring's {@code CorsConfiguration}, but checked when built: {@link Builder#build()} refuses
 * combinations a browser would either reject or turn into a hole ({@code *} or {@code null} with credentials,
 * {@code exposedHeaders: [*]} with credentials), and every origin is parsed at once, so a typo stops start-up instead
 * of opening or closing the API. Methods default to {@code GET, HEAD, POST}; a listed {@code GET} also allows
 * {@code HEAD}. {@code allowedHeaders: [*]} allows whatever headers a preflight asks for, by echoing them, which also
 * works with credentials.
 */
public final class CorsPolicy {

    private static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

    private final List<String> allowedOrigins;
    private final AllowedOrigins origins;
    private final List<String> allowedMethods;
    private final List<String> allowedHeaders;
    private final Set<String> allowedHeaderKeys;
    private final List<String> exposedHeaders;
    private final boolean allowCredentials;
    private final Duration maxAge;
    private final boolean allowPrivateNetwork;

    private CorsPolicy(Builder b, AllowedOrigins origins) {
        this.allowedOrigins = origins.texts();
        this.origins = origins;
        this.allowedMethods = b.methods.isEmpty() ? DEFAULT_METHODS : List.copyOf(b.methods);
        this.allowedHeaders = List.copyOf(b.headers);
        this.allowedHeaderKeys = b.headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.exposedHeaders = List.copyOf(b.exposed);
        this.allowCredentials = b.allowCredentials;
        this.maxAge = b.maxAge;
        this.allowPrivateNetwork = b.allowPrivateNetwork;
    }

    /** A policy that allows no origin until some are listed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The allowed origins in canonical form ({@code https://app.example.com}, {@code https://*.example.com}). */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** The methods a cross-origin request may use, in the order the preflight answer lists them. */
    public List<String> allowedMethods() {
        return allowedMethods;
    }

    /** The request headers a cross-origin request may send, as configured. */
    public List<String> allowedHeaders() {
        return allowedHeaders;
    }

    /** The response headers a page may read beyond the CORS-safelisted ones. */
    public List<String> exposedHeaders() {
        return exposedHeaders;
    }

    /** Whether pages may send cookies and HTTP authentication, and read credentialed responses. */
    public boolean allowCredentials() {
        return allowCredentials;
    }

    /** How long a browser may cache a preflight answer, or {@code null} for the browser's default. */
    public Duration maxAge() {
        return maxAge;
    }

    /** Whether a preflight asking for private network access (a public page calling this API) is granted. */
    public boolean allowPrivateNetwork() {
        return allowPrivateNetwork;
    }

    boolean allowsOrigin(Origin origin) {
        return origins.allows(origin);
    }

    boolean allowsNullOrigin() {
        return origins.allowsNull();
    }

    /** Methods compare case-sensitively (RFC 9110 §9.1), as Fetch compares them with the preflight answer. */
    boolean allowsMethod(String method) {
        return allowedMethods.contains(method) || "HEAD".equals(method) && allowedMethods.contains("GET");
    }

    /** Whether a request header may be sent; {@code name} is lower case. */
    boolean allowsHeader(String name) {
        return allowedHeaderKeys.contains(name) || allowedHeaderKeys.contains("*");
    }

    @Override
    public String toString() {
        return "CorsPolicy[origins=" + allowedOrigins + ", methods=" + allowedMethods + ", headers=" + allowedHeaders
                + ", exposed=" + exposedHeaders + ", credentials=" + allowCredentials + ", maxAge=" + maxAge
                + ", privateNetwork=" + allowPrivateNetwork + "]";
    }

    /** Collects the settings of a {@link CorsPolicy}; each value is checked as it is given. Not thread-safe. */
    public static final class Builder {
        private final List<OriginPattern> origins = new ArrayList<>();
        private final Set<String> methods = new LinkedHashSet<>();
        private final Set<String> headers = new LinkedHashSet<>();
        private final Set<String> exposed = new LinkedHashSet<>();
        private boolean allowCredentials;
        private Duration maxAge;
        private boolean allowPrivateNetwork;

        private Builder() {
        }

        /**
         * Adds allowed origins: {@code https://app.example.com}, {@code https://*.example.com} (one or more labels),
         * {@code null} (the opaque origin), or {@code *} (every origin but {@code null}).
         *
         * @throws IllegalArgumentException saying what is wrong with an entry and what to write
         */
        public Builder allowedOrigins(String... values) {
            for (String value : values) {
                origins.add(OriginPattern.parse(Objects.requireNonNull(value, "origin")));
            }
            return this;
        }

        /** Allows every origin but {@code null}: {@code allowedOrigins: ["*"]}. Cannot be combined with credentials. */
        public Builder allowAnyOrigin() {
            return allowedOrigins("*");
        }

        /** The methods a cross-origin request may use (default {@code GET, HEAD, POST}). */
        public Builder allowedMethods(String... values) {
            if (java.util.Arrays.asList(values).contains("*")) {
                throw new IllegalArgumentException("allowedMethods cannot be \"*\"; list the methods, e.g. GET, POST");
            }
            methods.addAll(HttpToken.checked("allowedMethods", values));
            return this;
        }

        /** The request headers a cross-origin request may send, compared case-insensitively; {@code *} for any. */
        public Builder allowedHeaders(String... values) {
            headers.addAll(HttpToken.checked("allowedHeaders", values));
            return this;
        }

        /** The response headers a page may read; {@code *} for all (not with credentials: Fetch ignores it then). */
        public Builder exposedHeaders(String... values) {
            exposed.addAll(HttpToken.checked("exposedHeaders", values));
            return this;
        }

        /** Lets pages send cookies and HTTP authentication and read the credentialed responses. */
        public Builder allowCredentials(boolean value) {
            this.allowCredentials = value;
            return this;
        }

        /** How long a browser may cache a preflight answer (browsers cap it: Chromium at 2 hours). */
        public Builder maxAge(Duration value) {
            if (value != null && value.isNegative()) {
                throw new IllegalArgumentException("maxAge cannot be negative");
            }
            this.maxAge = value;
            return this;
        }

        /** Grants private network access to preflights asking for it ({@code Access-Control-Request-Private-Network}). */
        public Builder allowPrivateNetwork(boolean value) {
            this.allowPrivateNetwork = value;
            return this;
        }

        /**
         * Checks the combination and builds.
         *
         * @throws IllegalArgumentException naming both options and the fix
         */
        public CorsPolicy build() {
            AllowedOrigins allowed = new AllowedOrigins(origins);
            if (allowCredentials && allowed.allowsAny()) {
                throw new IllegalArgumentException("allowCredentials cannot be combined with allowedOrigins \"*\""
                        + " (allowAnyOrigin): every site could read your users' credentialed responses; list the"
                        + " origins instead, e.g. https://app.example.com");
            }
            if (allowCredentials && allowed.allowsNull()) {
                throw new IllegalArgumentException("allowCredentials cannot be combined with the origin \"null\":"
                        + " any site can send Origin: null from a sandboxed frame; list the real origins instead");
            }
            if (allowCredentials && exposed.contains("*")) {
                throw new IllegalArgumentException("exposedHeaders \"*\" does not work with allowCredentials (browsers"
                        + " then read it as a header named *); list the headers to expose");
            }
            return new CorsPolicy(this, allowed);
        }
    }
}
