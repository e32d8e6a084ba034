package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.Secret;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates, revokes, rotates and lists the keys in a {@link JdbcApiKeyStore}'s table ({@link
 * JdbcApiKeyStore#schemaSql}): what {@link ApiKeyFile} is to the key file, for a database.
 *
 * <p>Only hashes are written; a new key exists in plain text only in the {@link Issued} answer. A rotation reads the
 * old row with {@code SELECT ... FOR UPDATE} in the same transaction that shortens it and inserts the new key, so two
 * rotations of one key cannot both succeed. Every statement is prepared; the table name was checked by {@link
 * TableName}.
 */
public final class JdbcApiKeyWriter implements AutoCloseable {

    private static final String COLUMNS = "id, hash, plan, principal, scopes, expires_at, revoked";
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final ConnectionSource connections;
    private final String table;

    private JdbcApiKeyWriter(ConnectionSource connections, String table) {
        this.connections = connections;
        this.table = TableName.checked(table);
    }

    /** A writer on the application's connection pool, which {@link #close()} leaves open. */
    public static JdbcApiKeyWriter of(DataSource dataSource, String table) {
        return new JdbcApiKeyWriter(ConnectionSource.of(Objects.requireNonNull(dataSource, "dataSource")), table);
    }

    /**
     * A writer with its own connection to {@code jdbcUrl}, opened on first use and closed by {@link #close()}.
     *
     * @param user     the database user, or {@code null} when the URL names it
     * @param password the password, or {@code null}
     */
    public static JdbcApiKeyWriter open(String jdbcUrl, String user, Secret password, String table) {
        return new JdbcApiKeyWriter(new SingleConnection(Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password,
                MAX_WAIT), table);
    }

    /**
     * Adds a new key for a principal; the answer holds the key, to be shown once.
     *
     * @param principal who the key authenticates as; {@code null} for the key's own id
     * @param expiresAt when it stops working, or {@code null} for never
     */
    public Issued create(String principal, String plan, List<String> scopes, Instant expiresAt) throws SQLException {
        String key = ApiKeyFormat.standard().generate();
        String id = ApiKeyFile.randomId();
        StoredKey stored = new StoredKey(id, KeyHash.of(key), plan, principal == null ? id : principal, scopes,
                expiresAt, false);
        ApiKeyFile.check(stored);
        connections.withConnection(c -> insert(c, stored));
        return new Issued(stored, key);
    }

    /** Revokes a key; revoking twice is harmless. */
    public void revoke(String id) throws SQLException {
        int rows = connections.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET revoked = true WHERE id = ?")) {
                st.setString(1, id);
                return st.executeUpdate();
            }
        });
        if (rows == 0) {
            throw new IllegalArgumentException("no key with id " + id);
        }
    }

    /**
     * A new key for the same principal, plan and scopes; the old one keeps working for {@code overlap} from
     * {@code now} (or until its own expiry, if sooner), as {@link ApiKeyFile#rotate} does.
     *
     * @param newExpiresAt when the new key expires, or {@code null} for never
     */
    public Issued rotate(String id, Duration overlap, Instant now, Instant newExpiresAt) throws SQLException {
        return connections.withConnection(c -> inTransaction(c, () -> {
            StoredKey old = find(c, "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ? FOR UPDATE", id)
                    .stream().findFirst().orElseThrow(() -> new IllegalArgumentException("no key with id " + id));
            Instant oldEnd = ApiKeyFile.rotationEnd(old, overlap, now);
            try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET expires_at = ? WHERE id = ?")) {
                setInstant(st, 1, oldEnd);
                st.setString(2, id);
                st.executeUpdate();
            }
            String key = ApiKeyFormat.standard().generate();
            StoredKey stored = new StoredKey(ApiKeyFile.randomId(), KeyHash.of(key), old.plan(), old.principal(),
                    old.scopes(), newExpiresAt, false);
            insert(c, stored);
            return new Issued(stored, key);
        }));
    }

    /** Every key, by id; rows that break the rules are left out (and logged without values). */
    public List<StoredKey> list() throws SQLException {
        return connections.withConnection(c -> find(c, "SELECT " + COLUMNS + " FROM " + table + " ORDER BY id", null));
    }

    /** Closes the writer's own connection, never the application's pool. */
    @Override
    public void close() {
        connections.close();
    }

    private int insert(Connection c, StoredKey key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, false)")) {
            st.setString(1, key.id());
            st.setBytes(2, key.sha256());
            st.setString(3, key.plan());
            st.setString(4, key.principal());
            st.setString(5, String.join(" ", key.scopes()));
            setInstant(st, 6, key.expiresAt());
            return st.executeUpdate();
        }
    }

    private static List<StoredKey> find(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (id != null) {
                st.setString(1, id);
            }
            List<StoredKey> keys = new ArrayList<>();
            try (ResultSet rows = st.executeQuery()) {
                while (rows.next()) {
                    KeyQuery.read(rows).ifPresent(keys::add);
                }
            }
            return keys;
        }
    }

    private static void setInstant(PreparedStatement st, int index, Instant instant) throws SQLException {
        if (instant == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** Work inside one transaction. */
    private interface Step<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection c, Step<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * A key just made.
     *
     * @param stored its stored form (id, hash, plan...)
     * @param key    the key itself: show it once, never store or log it
     */
    public record Issued(StoredKey stored, String key) {
        /** Leaves the key out, so that printing an {@code Issued} cannot leak it. */
        @Override
        public String toString() {
            return "Issued[" + stored.id() + "]";
        }
    }
}
