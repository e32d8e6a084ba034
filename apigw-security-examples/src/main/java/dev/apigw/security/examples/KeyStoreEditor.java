package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The four things {@code keys} does to a key store, whichever store it is: the key file or a database table.
 * A bad id or value is an {@link IllegalArgumentException}; a store that cannot be reached or read, the checked
 * exceptions.
 */
interface KeyStoreEditor extends AutoCloseable {

    /**
     * A key just made: its stored form, and the key itself, shown once.
     *
     * @param stored the stored form (id, principal, plan, expiry; a hash, never the key)
     * @param key    the key: printed once, never stored or logged
     */
    record NewKey(StoredKey stored, String key) {
        @Override
        public String toString() {
            return "NewKey[" + stored.id() + "]";
        }
    }

    NewKey create(String principal, String plan, List<String> scopes, Instant expiresAt) throws IOException, SQLException;

    void revoke(String id) throws IOException, SQLException;

    /** A new key for the same owner; the old one works for {@code overlap} more, or until its own expiry. */
    NewKey rotate(String id, Duration overlap, Instant now, Instant newExpiresAt) throws IOException, SQLException;

    List<StoredKey> list() throws IOException, SQLException;

    @Override
    void close();
}
