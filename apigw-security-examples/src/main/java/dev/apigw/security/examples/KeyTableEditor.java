package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.Secret;
import dev.apigw.security.auth.apikey.JdbcApiKeyWriter;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Edits the keys in a database table through {@link JdbcApiKeyWriter}; the database serialises the changes. */
final class KeyTableEditor implements KeyStoreEditor {

    private final JdbcApiKeyWriter writer;

    /** @param password from the environment, never a flag (flags show in the process list), or {@code null} */
    KeyTableEditor(String jdbcUrl, String table, String password) {
        this.writer = JdbcApiKeyWriter.open(jdbcUrl, null, password == null ? null : Secret.of(password), table);
    }

    @Override
    public NewKey create(String principal, String plan, List<String> scopes, Instant expiresAt) throws SQLException {
        JdbcApiKeyWriter.Issued issued = writer.create(principal, plan, scopes, expiresAt);
        return new NewKey(issued.stored(), issued.key());
    }

    @Override
    public void revoke(String id) throws SQLException {
        writer.revoke(id);
    }

    @Override
    public NewKey rotate(String id, Duration overlap, Instant now, Instant newExpiresAt) throws SQLException {
        JdbcApiKeyWriter.Issued issued = writer.rotate(id, overlap, now, newExpiresAt);
        return new NewKey(issued.stored(), issued.key());
    }

    @Override
    public List<StoredKey> list() throws SQLException {
        return writer.list();
    }

    @Override
    public void close() {
        writer.close();
    }
}
