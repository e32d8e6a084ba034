package dev.apigw.security.auth.jwt;

import dev.apigw.security.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of JWT authentication ({@code authentication.jwt} in CONTRACT §3): which issuer and audiences
 * are accepted, where the verification keys come from, which algorithms are allowed, and where roles are read.
 *
 * <p>Immutable. {@link Builder#build()} refuses every unsafe or inconsistent combination with a message that names the
 * setting and what would be right: {@code none} in any casing, an HMAC algorithm without a secret (or with a JWKS,
 * which would let a public key act as an HMAC secret), a secret shorter than its algorithm needs (RFC 7518 §3.2).
 */
public final class JwtSettings {

    /** 30 seconds, as in CONTRACT §3. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** The longest accepted clock skew: beyond this an expired token lives on for too long. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** 8 KiB: larger than any sane access token; a longer one is refused before it is parsed. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;
    /**
     * 10,000 tokens: more than the distinct tokens most gateways see in a minute; about 1 KiB each for a typical
     * access token's identity, so about 10 MiB when full (docs/BENCHMARKS.md).
     */
    public static final int DEFAULT_VERIFIED_TOKEN_CACHE_ENTRIES = 10_000;
    /** One minute: the longest a cached verification is trusted before the signature is checked again. */
    public static final Duration DEFAULT_VERIFIED_TOKEN_CACHE_MAX_AGE = Duration.ofSeconds(60);

    private final String issuer;
    private final List<String> audiences;
    private final JwksSettings jwks;
    private final Secret secret;
    private final Set<String> algorithms;
    private final Duration clockSkew;
    private final List<String> scopeClaims;
    private final List<String> groupClaims;
    private final int maxTokenLength;
    private final int verifiedTokenCacheEntries;
    private final Duration verifiedTokenCacheMaxAge;

    private JwtSettings(Builder b, JwksSettings jwks, Set<String> algorithms) {
        this.issuer = b.issuer;
        this.audiences = List.copyOf(b.audiences);
        this.jwks = jwks;
        this.secret = b.secret;
        this.algorithms = algorithms;
        this.clockSkew = b.clockSkew;
        this.scopeClaims = List.copyOf(b.scopeClaims);
        this.groupClaims = List.copyOf(b.groupClaims);
        this.maxTokenLength = b.maxTokenLength;
        this.verifiedTokenCacheEntries = b.verifiedTokenCacheEntries;
        this.verifiedTokenCacheMaxAge = b.verifiedTokenCacheMaxAge;
    }

    /** Starts the settings; {@code issuer}, {@code audiences} and one key source are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The exact {@code iss} value accepted. */
    public String issuer() {
        return issuer;
    }

    /** The {@code aud} values accepted; a token needs one of them. */
    public List<String> audiences() {
        return audiences;
    }

    /** The JWK set the keys come from, when the tokens are signed with public-key algorithms. */
    public Optional<JwksSettings> jwks() {
        return Optional.ofNullable(jwks);
    }

    /** The HMAC secret, when the tokens are signed with HS256, HS384 or HS512. */
    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    /** The allowed {@code alg} values, exactly as written in tokens. */
    public Set<String> algorithms() {
        return algorithms;
    }

    /** The tolerance for {@code exp}, {@code nbf} and {@code iat}, in whole seconds. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** The claims whose values become scopes (a space-separated string or an array of strings). */
    public List<String> scopeClaims() {
        return scopeClaims;
    }

    /** The claims whose values become groups; empty unless set. */
    public List<String> groupClaims() {
        return groupClaims;
    }

    /** The longest token accepted, in characters. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** The most verified tokens remembered, so that a repeated token skips the signature check; 0 when off. */
    public int verifiedTokenCacheEntries() {
        return verifiedTokenCacheEntries;
    }

    /** The longest a verified token is remembered, whatever its {@code exp}. */
    public Duration verifiedTokenCacheMaxAge() {
        return verifiedTokenCacheMaxAge;
    }

    @Override
    public String toString() {
        return "JwtSettings[issuer=" + issuer + ", audiences=" + audiences + ", keys="
                + (jwks != null ? jwks.uriForLog() : "secret[redacted]") + ", algorithms=" + algorithms
                + ", verifiedTokenCache=" + (verifiedTokenCacheEntries == 0 ? "off"
                : verifiedTokenCacheEntries + "/" + DurationText.of(verifiedTokenCacheMaxAge)) + "]";
    }

    /** Builds {@link JwtSettings}; every check runs in {@link #build()}. */
    public static final class Builder {
        private String issuer;
        private List<String> audiences = List.of();
        private URI jwksUri;
        private Secret secret;
        private List<String> algorithms;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private List<String> scopeClaims = List.of("scope", "scp");
        private List<String> groupClaims = List.of();
        private Duration refreshInterval = JwksSettings.DEFAULT_REFRESH_INTERVAL;
        private Duration minRefreshInterval = JwksSettings.DEFAULT_MIN_REFRESH_INTERVAL;
        private Duration connectTimeout = JwksSettings.DEFAULT_CONNECT_TIMEOUT;
        private Duration fetchTimeout = JwksSettings.DEFAULT_FETCH_TIMEOUT;
        private int maxJwksBytes = JwksSettings.DEFAULT_MAX_DOCUMENT_BYTES;
        private int maxJwksKeys = JwksSettings.DEFAULT_MAX_KEYS;
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private int verifiedTokenCacheEntries = DEFAULT_VERIFIED_TOKEN_CACHE_ENTRIES;
        private Duration verifiedTokenCacheMaxAge = DEFAULT_VERIFIED_TOKEN_CACHE_MAX_AGE;

        private Builder() {
        }

        /** The exact {@code iss} value accepted (no normalisation: a trailing slash matters). */
        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        /** The accepted {@code aud} values; a token needs one of them. */
        public Builder audiences(String... values) {
            return audiences(Arrays.asList(values));
        }

        /** The accepted {@code aud} values; a token needs one of them. */
        public Builder audiences(Collection<String> values) {
            this.audiences = new ArrayList<>(values);
            return this;
        }

        /** Keys from a JWK set at an {@code https:}, {@code http:} or {@code file:} URI. */
        public Builder jwksUri(URI value) {
            this.jwksUri = value;
            return this;
        }

        /** Keys from a JWK set at an {@code https:}, {@code http:} or {@code file:} URI. */
        public Builder jwksUri(String value) {
            return jwksUri(URI.create(value));
        }

        /** One HMAC secret for HS256, HS384 or HS512 (at least 256, 384 or 512 bits). */
        public Builder secret(Secret value) {
            this.secret = value;
            return this;
        }

        /** The allowed {@code alg} values; default RS256 and ES256 with a JWKS, HS256 with a secret. */
        public Builder algorithms(String... values) {
            return algorithms(Arrays.asList(values));
        }

        /** The allowed {@code alg} values; default RS256 and ES256 with a JWKS, HS256 with a secret. */
        public Builder algorithms(Collection<String> values) {
            this.algorithms = new ArrayList<>(values);
            return this;
        }

        /** The tolerance for {@code exp}, {@code nbf} and {@code iat}: whole seconds, at most 5 minutes. */
        public Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        /** The claims read as scopes; default {@code scope} and {@code scp}. */
        public Builder scopeClaims(String... names) {
            this.scopeClaims = Arrays.asList(names.clone());
            return this;
        }

        /** The claims read as groups, e.g. {@code groups}; default none. */
        public Builder groupClaims(String... names) {
            this.groupClaims = Arrays.asList(names.clone());
            return this;
        }

        /** How often the JWKS is refreshed, and the least time between two fetches. */
        public Builder jwksRefresh(Duration interval, Duration minInterval) {
            this.refreshInterval = interval;
            this.minRefreshInterval = minInterval;
            return this;
        }

        /** The connect time-out and the time-out of a whole JWKS fetch. */
        public Builder jwksTimeouts(Duration connect, Duration fetch) {
            this.connectTimeout = connect;
            this.fetchTimeout = fetch;
            return this;
        }

        /** The largest JWKS document read, in bytes, and the most keys kept from it. */
        public Builder jwksLimits(int maxBytes, int maxKeys) {
            this.maxJwksBytes = maxBytes;
            this.maxJwksKeys = maxKeys;
            return this;
        }

        /** The longest token accepted, in characters (256 to 64Ki). */
        public Builder maxTokenLength(int value) {
            this.maxTokenLength = value;
            return this;
        }

        /**
         * Remembers up to {@code maxEntries} verified tokens (2 to 1,000,000) for at most {@code maxAge} (1 second to
         * 1 hour, and never past the token's {@code exp}), so that a repeated token skips the signature check; 0
         * entries turns it off. On by default: 10,000 tokens for 60 seconds.
         */
        public Builder verifiedTokenCache(int maxEntries, Duration maxAge) {
            this.verifiedTokenCacheEntries = maxEntries;
            this.verifiedTokenCacheMaxAge = maxAge;
            return this;
        }

        /** Verifies the signature of every token, repeated or not. */
        public Builder noVerifiedTokenCache() {
            this.verifiedTokenCacheEntries = 0;
            this.verifiedTokenCacheMaxAge = DEFAULT_VERIFIED_TOKEN_CACHE_MAX_AGE;
            return this;
        }

        /** Checks everything and builds the settings. */
        public JwtSettings build() {
            SettingsCheck.basics(issuer, audiences, clockSkew, maxTokenLength);
            SettingsCheck.verifiedTokenCache(verifiedTokenCacheEntries, verifiedTokenCacheMaxAge);
            SettingsCheck.claimNames("scopeClaims", scopeClaims);
            SettingsCheck.claimNames("groupClaims", groupClaims);
            SettingsCheck.oneKeySource(jwksUri, secret);
            Set<String> allowed = SettingsCheck.algorithms(algorithms, secret);
            JwksSettings jwks = jwksUri == null ? null : new JwksSettings(jwksUri, refreshInterval,
                    minRefreshInterval, connectTimeout, fetchTimeout, maxJwksBytes, maxJwksKeys);
            return new JwtSettings(this, jwks, allowed);
        }
    }
}
