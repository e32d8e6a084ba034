package dev.apigw.security.auth.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a JWK set comes from and how it is fetched: refresh intervals, time-outs and size limits. Immutable; the
 * constructor checks every value and says what would be right.
 *
 * <p>The limits exist because the JWKS endpoint is a remote party: a slow or hostile endpoint must not hold a request
 * thread longer than {@code fetchTimeout}, nor make the gateway buffer an unbounded document or parse unbounded keys.
 *
 * @param uri                where the set is: {@code https:}, {@code http:} or {@code file:}
 * @param refreshInterval    how often the set is fetched again in the background
 * @param minRefreshInterval the least time between two fetches; an unknown {@code kid} refetches at most this often
 * @param connectTimeout     how long to wait for the TCP/TLS connection
 * @param fetchTimeout       how long a whole fetch may take, and the longest a request ever waits for one
 * @param maxDocumentBytes   the largest document read; reading stops at this size
 * @param maxKeys            the most keys kept from one document
 */
public record JwksSettings(URI uri, Duration refreshInterval, Duration minRefreshInterval, Duration connectTimeout,
                           Duration fetchTimeout, int maxDocumentBytes, int maxKeys) {

    /** 15 minutes, as in CONTRACT §3. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(15);
    /** 30 seconds, as in CONTRACT §3. */
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** 2 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** 5 seconds. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** 512 KiB: far above any real issuer's set, far below what could hurt. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 512 * 1024;
    /** 100 keys. */
    public static final int DEFAULT_MAX_KEYS = 100;

    private static final Set<String> SCHEMES = Set.of("https", "http", "file");

    public JwksSettings {
        checkUri(uri);
        within("jwksRefresh.interval", refreshInterval, Duration.ofSeconds(10), Duration.ofDays(1));
        within("jwksRefresh.minInterval", minRefreshInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        if (minRefreshInterval.compareTo(refreshInterval) > 0) {
            throw new IllegalArgumentException("jwksRefresh.minInterval (" + DurationText.of(minRefreshInterval)
                    + ") must not be longer than jwksRefresh.interval (" + DurationText.of(refreshInterval) + ")");
        }
        within("jwks connect timeout", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        within("jwks fetch timeout", fetchTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        if (maxDocumentBytes < 1024 || maxDocumentBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("the JWKS size limit must be between 1KiB and 16MiB, not "
                    + maxDocumentBytes + " bytes");
        }
        if (maxKeys < 1 || maxKeys > 10_000) {
            throw new IllegalArgumentException("the JWKS key limit must be between 1 and 10000, not " + maxKeys);
        }
    }

    /** The settings for a set at this URI, with every other value at its default. */
    public static JwksSettings of(URI uri) {
        return new JwksSettings(uri, DEFAULT_REFRESH_INTERVAL, DEFAULT_MIN_REFRESH_INTERVAL, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_FETCH_TIMEOUT, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_KEYS);
    }

    /** The URI as it may appear in a log: no user info, query or fragment, which could carry credentials. */
    public String uriForLog() {
        if ("file".equals(scheme())) {
            return uri.getScheme() + ":" + uri.getPath();
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** The URI scheme in lower case. */
    String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static void checkUri(URI uri) {
        Objects.requireNonNull(uri, "jwksUri");
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme) || uri.isOpaque()) {
            throw new IllegalArgumentException("jwksUri must be an absolute https:, http: or file: URI, not \""
                    + uri + "\"");
        }
        if (!"file".equals(scheme) && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new IllegalArgumentException(
                    "jwksUri needs a host, e.g. https://issuer.example.com/.well-known/jwks.json");
        }
        if ("file".equals(scheme) && (uri.getPath() == null || uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("a file: jwksUri needs a path, e.g. file:///etc/apigw/jwks.json");
        }
    }

    private static void within(String what, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, what);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be between " + DurationText.of(min) + " and "
                    + DurationText.of(max) + ", not " + DurationText.of(value));
        }
    }
}
