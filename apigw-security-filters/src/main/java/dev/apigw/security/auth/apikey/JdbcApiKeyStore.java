package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore;
import dev.apigw.security.Secret;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An {@link ApiKeyStore} in a database table, for several gateway instances sharing one set of keys. The table's
 * PostgreSQL definition ships as {@code dev/apigw/security/auth/apikey/schema-postgresql.sql} ({@link #schemaSql}).
 *
 * <p>A key is looked up by its hash with a prepared statement; what was found is cached for a short TTL (default
 * 1 s), so a busy key costs the database one query per TTL and a revoked key stops working within the TTL.
 *
 * <p>When the database cannot be reached, a key read within the outage grace (default 30 s) keeps working with what
 * was read; any other key is refused (401). So a database outage of any length never lets in a key that was not
 * valid within the grace, and a revocation made during an outage takes effect at most the grace later. Set the grace
 * to zero to refuse everything beyond the TTL while the database is away. While it is away, one request per TTL
 * tries it again and the others answer at once, so an outage does not slow every request by a
 * connection time-out. Only java.sql is needed: the application brings the driver.
 */
public final class JdbcApiKeyStore implements ApiKeyStore, AutoCloseable {

    /** The table name when none is configured. */
    public static final String DEFAULT_TABLE = "apigw_api_keys";

    private static final String SCHEMA_RESOURCE = "schema-postgresql.sql";

    private final ConnectionSource connections;
    private final KeyQuery query;
    private final long ttlMillis;
    private final long graceMillis;
    private final Clock clock;
    private final KeyCache cache;
    private final Outage outage;
    private volatile boolean closed;

    JdbcApiKeyStore(ConnectionSource connections, JdbcStoreSettings settings) {
        this.connections = connections;
        this.query = new KeyQuery(settings.table(), (int) Math.max(1, settings.queryTimeout().toSeconds()));
        this.ttlMillis = settings.cacheTtl().toMillis();
        this.graceMillis = settings.outageGrace().toMillis();
        this.clock = settings.clock();
        this.outage = new Outage(ttlMillis, graceMillis);
        this.cache = new KeyCache(settings.maxCachedKeys(), Math.max(ttlMillis, graceMillis));
    }

    /** A store on the application's connection pool, which it leaves open on {@link #close()}. */
    public static Builder builder(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Builder(settings -> new JdbcApiKeyStore(ConnectionSource.of(dataSource), settings));
    }

    /**
     * A store that keeps one connection to {@code jdbcUrl} (reopened after a failure), for applications without a
     * pool. The URL and password are never logged.
     *
     * @param user     the database user, or {@code null} when the URL names it
     * @param password the password, or {@code null}
     */
    public static Builder builder(String jdbcUrl, String user, Secret password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new Builder(settings -> new JdbcApiKeyStore(
                new SingleConnection(jdbcUrl, user, password, settings.queryTimeout()), settings));
    }

    /** The shipped PostgreSQL schema, with the table renamed to {@code table} (checked to be a plain identifier). */
    public static String schemaSql(String table) {
        String name = TableName.checked(table);
        try (InputStream in = JdbcApiKeyStore.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return sql.replaceAll("\\b" + DEFAULT_TABLE + "\\b", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<StoredKey> findByHash(byte[] sha256) {
        if (closed || sha256 == null || sha256.length != KeyHash.LENGTH) {
            return Optional.empty();
        }
        String hash = KeyHash.hex(sha256);
        long now = clock.millis();
        KeyCache.Entry cached = cache.get(hash);
        if (cached != null && now - cached.readAt() < ttlMillis) {
            return Optional.of(cached.key());
        }
        if (!outage.mayTry(now)) {
            return withinGrace(cached, now);
        }
        Optional<StoredKey> found;
        try {
            found = connections.withConnection(connection -> query.find(connection, sha256));
        } catch (SQLException | RuntimeException e) {
            outage.failed(now, e);
            return withinGrace(cached, now);
        }
        outage.ended();
        if (found.isPresent()) {
            cache.put(hash, found.get(), now);
        } else {
            cache.remove(hash);
        }
        return found;
    }

    /** From now on no key is found; closes the store's own connection, never the application's pool. */
    @Override
    public void close() {
        closed = true;
        connections.close();
    }

    private Optional<StoredKey> withinGrace(KeyCache.Entry cached, long now) {
        return cached != null && now - cached.readAt() < graceMillis ? Optional.of(cached.key()) : Optional.empty();
    }

    /** Builds a {@link JdbcApiKeyStore}; every setting has a default. */
    public static final class Builder {
        private final Function<JdbcStoreSettings, JdbcApiKeyStore> factory;
        private String table = DEFAULT_TABLE;
        private Duration cacheTtl = Duration.ofSeconds(1);
        private int maxCachedKeys = 100_000;
        private Duration outageGrace = Duration.ofSeconds(30);
        private Duration queryTimeout = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();

        private Builder(Function<JdbcStoreSettings, JdbcApiKeyStore> factory) {
            this.factory = factory;
        }

        /** The table, {@code name} or {@code schema.name}; default {@value #DEFAULT_TABLE}. Checked at once. */
        public Builder table(String name) {
            this.table = TableName.checked(name);
            return this;
        }

        /** How long a key read is trusted without asking again, so the longest a revocation takes; default 1 s. */
        public Builder cacheTtl(Duration value) {
            this.cacheTtl = value;
            return this;
        }

        /** How many keys are cached at most; default 100000. */
        public Builder maxCachedKeys(int value) {
            this.maxCachedKeys = value;
            return this;
        }

        /** How long a key read keeps working while the database is unreachable; default 30 s, zero for none. */
        public Builder outageGrace(Duration value) {
            this.outageGrace = value;
            return this;
        }

        /** How long one lookup may take; default 2 s. */
        public Builder queryTimeout(Duration value) {
            this.queryTimeout = value;
            return this;
        }

        /** The clock the TTL and grace are measured by. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The store; fails with the setting's name when a value is out of range. */
        public JdbcApiKeyStore build() {
            return factory.apply(new JdbcStoreSettings(table, cacheTtl, maxCachedKeys, outageGrace, queryTimeout,
                    clock));
        }
    }
}
