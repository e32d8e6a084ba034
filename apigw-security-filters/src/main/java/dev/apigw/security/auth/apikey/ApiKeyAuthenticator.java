package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore;
import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.SecurityExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authenticates API keys (method {@code apiKey}, CONTRACT §3 {@code authentication.apiKeys}): the key from the
 * configured header, looked up by its SHA-256 in an {@link ApiKeyStore}, then checked for revocation and expiry.
 *
 * <p>A key in the query string is never read, so a request that carries one there has no API key credential at all.
 * Every failure is a 401 {@code invalid_credentials}, never an exception: an unknown, a revoked and an expired key
 * look the same to the client. The key itself never reaches a log, a problem or the identity; the identity carries
 * the key's id and usage plan.
 */
public final class ApiKeyAuthenticator implements CredentialAuthenticator {

    /** The header read when none is configured. */
    public static final String DEFAULT_HEADER = "X-Api-Key";

    /** The longest key accepted when none is configured. */
    public static final int DEFAULT_MAX_LENGTH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyStore store;
    private final String header;
    private final int maxLength;
    private final ApiKeyFormat format;
    private final Clock clock;
    private final Decision.Reject multiple;
    private final Decision.Reject unauthenticated;

    private ApiKeyAuthenticator(Builder b) {
        this.store = b.store;
        this.header = b.header;
        this.maxLength = b.maxLength;
        this.format = ApiKeyFormat.standard();
        this.clock = b.clock;
        this.multiple = KeyRejection.multiple(header);
        this.unauthenticated = KeyRejection.unauthenticated(header);
    }

    /** Starts an authenticator over a store; header {@value #DEFAULT_HEADER}, the system clock. */
    public static Builder builder(ApiKeyStore store) {
        return new Builder(store);
    }

    @Override
    public String name() {
        return "apiKey";
    }

    /** The challenge for a 401 without any credential (RFC 9110 §11.6.1); the scheme is this library's own. */
    public String challenge() {
        return KeyRejection.CHALLENGE;
    }

    @Override
    public boolean credentialPresent(SecurityExchange exchange) {
        return !exchange.request().headers(header).isEmpty();
    }

    @Override
    public Decision authenticate(SecurityExchange exchange) {
        PresentedKey key = PresentedKey.read(exchange.request(), header, maxLength);
        return switch (key.kind()) {
            case ABSENT -> unauthenticated;
            case MULTIPLE -> multiple;
            case TOO_LONG -> KeyRejection.TOO_LONG;
            case MALFORMED -> KeyRejection.MALFORMED;
            case PRESENT -> checkFailingClosed(key.value());
        };
    }

    private Decision checkFailingClosed(String key) {
        try {
            return check(key);
        } catch (RuntimeException e) {
            // A store that throws, or answers a record it should not (a null principal, say): refuse, never a 500.
            LOG.debug("API key check failed ({})", e.getClass().getName());
            return KeyRejection.STORE_FAILED;
        }
    }

    private Decision check(String key) {
        if (format.hasPrefix(key) && !format.looksValid(key)) {
            return KeyRejection.BAD_CHECKSUM;
        }
        byte[] presented = KeyHash.of(key);
        Optional<StoredKey> found = store.findByHash(presented);
        if (found == null || found.isEmpty()) {
            return KeyRejection.UNKNOWN;
        }
        StoredKey stored = found.get();
        // The lookup by hash is not constant-time, and need not be: learning a hash teaches nothing about a key of
        // 190 random bits. This comparison is the one that decides, and it must not depend on where the bytes first
        // differ: a store that matched loosely (a prefix index, a collation, a cache bug) must not let a near match
        // through, nor time how near it was. MessageDigest.isEqual reads every byte whatever it finds.
        if (!MessageDigest.isEqual(stored.sha256(), presented)) {
            return KeyRejection.HASH_MISMATCH;
        }
        if (stored.revoked()) {
            return KeyRejection.revoked(stored.id());
        }
        Instant expiresAt = stored.expiresAt();
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            return KeyRejection.expired(stored.id());
        }
        return Decision.authenticated(Identity.builder(stored.principal(), name())
                .scopes(stored.scopes())
                .apiKeyId(stored.id())
                .plan(stored.plan())
                .build());
    }

    /** Builds an {@link ApiKeyAuthenticator}, checking each setting as it is given. */
    public static final class Builder {
        // RFC 9110 §5.1 field names are tokens.
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

        private final ApiKeyStore store;
        private String header = DEFAULT_HEADER;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private Clock clock = Clock.systemUTC();

        private Builder(ApiKeyStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The header that carries the key; default {@value #DEFAULT_HEADER}. */
        public Builder header(String name) {
            Objects.requireNonNull(name, "header");
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("apiKeys header must be a header field name such as X-Api-Key");
            }
            this.header = name;
            return this;
        }

        /** The longest key accepted, checked before hashing; from 44 (a key of this library) to 4096. */
        public Builder maxLength(int chars) {
            if (chars < ApiKeyFormat.LENGTH || chars > 4096) {
                throw new IllegalArgumentException("apiKeys maxLength must be between " + ApiKeyFormat.LENGTH
                        + " and 4096, not " + chars);
            }
            this.maxLength = chars;
            return this;
        }

        /** The clock that expiry is judged by. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The authenticator. */
        public ApiKeyAuthenticator build() {
            return new ApiKeyAuthenticator(this);
        }
    }
}
