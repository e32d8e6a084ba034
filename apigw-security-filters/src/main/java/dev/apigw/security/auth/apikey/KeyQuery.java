package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one query of a {@link JdbcApiKeyStore}: a key by its hash, as a prepared statement, so nothing the client sends
 * is ever part of the SQL text (the table name is, after {@link TableName} checked it).
 *
 * <p>The columns mirror the file format (CONTRACT §3); {@code scopes} is one space-separated text, as OAuth writes
 * scopes (RFC 6749 §3.3), so the table needs no array type and the query serves other databases too. A row that
 * breaks the rules (a null principal, a hash that is not 32 bytes), or two rows for one hash, is refused, not guessed
 * at, and logged without values.
 */
final class KeyQuery {

    private static final Logger LOG = LoggerFactory.getLogger(KeyQuery.class);

    private final String sql;
    private final int timeoutSeconds;

    KeyQuery(String table, int timeoutSeconds) {
        this.sql = "SELECT id, hash, plan, principal, scopes, expires_at, revoked FROM " + TableName.checked(table)
                + " WHERE hash = ?";
        this.timeoutSeconds = timeoutSeconds;
    }

    Optional<StoredKey> find(Connection connection, byte[] sha256) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.setBytes(1, sha256);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                Optional<StoredKey> key = read(result);
                if (result.next()) {
                    LOG.warn("API key table holds two rows for one hash; the key is refused (make hash unique)");
                    return Optional.empty();
                }
                return key;
            }
        }
    }

    /** The key of the current row, or empty (logged without values) when the row breaks the rules. */
    static Optional<StoredKey> read(ResultSet row) throws SQLException {
        String id = row.getString("id");
        byte[] hash = row.getBytes("hash");
        String plan = row.getString("plan");
        String principal = row.getString("principal");
        String scopes = row.getString("scopes");
        OffsetDateTime expiresAt = row.getObject("expires_at", OffsetDateTime.class);
        boolean revoked = row.getBoolean("revoked");
        if (id == null || hash == null || hash.length != KeyHash.LENGTH || plan == null || principal == null
                || principal.isBlank()) {
            LOG.warn("API key row {} is incomplete (id, a 32-byte hash, plan and principal are required); refused",
                    KeyFields.problemWithId(id) == null ? id : "with an unusual id");
            return Optional.empty();
        }
        return Optional.of(new StoredKey(id, hash, plan, principal, split(scopes),
                expiresAt == null ? null : expiresAt.toInstant(), revoked));
    }

    static List<String> split(String scopes) {
        return scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.strip().split("\\s+"));
    }
}
