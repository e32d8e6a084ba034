package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration of one custom authorizer ({@code authentication.authorizers[]} in CONTRACT §3): its method name,
 * the plugin, the identity sources that make up the cache key, how long answers are cached, and the limits of a call.
 *
 * <p>Immutable. Without identity sources every request would share one cache entry, so caching is then off and a
 * {@code cacheTtl} above zero is refused.
 */
public final class AuthorizerSettings {

    /** Five minutes, API Gateway's default for authorizer caching. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    /** One second: a plugin slower than that holds up every request that misses the cache. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    /** Ten thousand answers per authorizer. */
    public static final int DEFAULT_MAX_CACHE_ENTRIES = 10_000;
    /** Thirty-two plugin calls at once per authorizer; more wait briefly in a queue, then answer 503. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private final String name;
    private final CustomAuthorizer authorizer;
    private final List<IdentitySource> identitySources;
    private final Duration cacheTtl;
    private final Duration timeout;
    private final int maxCacheEntries;
    private final int maxConcurrentCalls;

    private AuthorizerSettings(Builder b, Duration cacheTtl) {
        this.name = b.name;
        this.authorizer = b.authorizer;
        this.identitySources = List.copyOf(b.identitySources);
        this.cacheTtl = cacheTtl;
        this.timeout = b.timeout;
        this.maxCacheEntries = b.maxCacheEntries;
        this.maxConcurrentCalls = b.maxConcurrentCalls;
    }

    /** Starts the settings of the authorizer named {@code name} in routes' {@code auth} lists. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The method name routes list it under. */
    public String name() {
        return name;
    }

    /** The plugin. */
    public CustomAuthorizer authorizer() {
        return authorizer;
    }

    /** The identity sources, in order. */
    public List<IdentitySource> identitySources() {
        return identitySources;
    }

    /** How long an answer is reused; zero: never. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** How long one plugin call may take before the request answers 503. */
    public Duration timeout() {
        return timeout;
    }

    /** The most answers kept. */
    public int maxCacheEntries() {
        return maxCacheEntries;
    }

    /** The most plugin calls running at once. */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    @Override
    public String toString() {
        return "AuthorizerSettings[" + name + ", " + authorizer.getClass().getName() + ", identitySources="
                + identitySources + ", cacheTtl=" + cacheTtl + "]";
    }

    /** Builds {@link AuthorizerSettings}. */
    public static final class Builder {
        private final String name;
        private CustomAuthorizer authorizer;
        private final List<IdentitySource> identitySources = new ArrayList<>();
        private Duration cacheTtl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxCacheEntries = DEFAULT_MAX_CACHE_ENTRIES;
        private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The plugin instance, for code that makes it itself. */
        public Builder authorizer(CustomAuthorizer plugin) {
            this.authorizer = Objects.requireNonNull(plugin, "authorizer");
            return this;
        }

        /** The plugin by class name, made at once (see the package documentation for how it is found). */
        public Builder className(String className) {
            this.authorizer = AuthorizerLoader.load(className);
            return this;
        }

        /** Adds an identity source, {@code header:NAME} or {@code query:NAME}. */
        public Builder identitySource(String source) {
            IdentitySource parsed = IdentitySource.parse(source);
            for (IdentitySource existing : identitySources) {
                if (existing.identity().equals(parsed.identity())) {
                    throw new IllegalArgumentException(source + " is listed twice");
                }
            }
            identitySources.add(parsed);
            return this;
        }

        /** How long answers are cached, deny included; zero turns the cache off. Default 5 minutes. */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = Objects.requireNonNull(ttl, "cacheTtl");
            return this;
        }

        /** How long one plugin call may take (10 ms to 30 s); default 1 second. */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** The most answers kept (1 to 1,000,000); default 10,000. */
        public Builder maxCacheEntries(int value) {
            this.maxCacheEntries = value;
            return this;
        }

        /** The most plugin calls at once (1 to 1024); default 32. */
        public Builder maxConcurrentCalls(int value) {
            this.maxConcurrentCalls = value;
            return this;
        }

        /** Checks everything and builds the settings. */
        public AuthorizerSettings build() {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("an authorizer name is a letter, then letters, digits, _ or -");
            }
            if (authorizer == null) {
                throw new IllegalArgumentException("authorizer " + name + " needs a class");
            }
            Duration ttl = cacheTtl != null ? cacheTtl : identitySources.isEmpty() ? Duration.ZERO : DEFAULT_CACHE_TTL;
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("cacheTtl must not be negative");
            }
            if (!ttl.isZero() && identitySources.isEmpty()) {
                throw new IllegalArgumentException("cacheTtl needs identitySources: they are the cache key, and"
                        + " without them every client would share one answer (add them, or write cacheTtl: 0)");
            }
            if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new IllegalArgumentException("timeout must be from 10ms to 30s");
            }
            range("maxCacheEntries", maxCacheEntries, 1_000_000);
            range("maxConcurrentCalls", maxConcurrentCalls, 1024);
            return new AuthorizerSettings(this, ttl);
        }

        private static void range(String what, int value, int max) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException(what + " must be from 1 to " + max + ", not " + value);
            }
        }
    }
}
