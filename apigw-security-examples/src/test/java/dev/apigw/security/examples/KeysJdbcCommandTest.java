package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.auth.apikey.JdbcApiKeyStore;
import dev.apigw.security.testing.RequiresPostgres;
import dev.apigw.security.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;

import static dev.apigw.security.examples.KeysCommandTest.CLOCK;
import static dev.apigw.security.examples.KeysCommandTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys --store jdbc:postgresql://...} end to end against the real PostgreSQL, read back by the JDBC store. */
@RequiresPostgres
class KeysJdbcCommandTest {

    private static Console keys(String... args) {
        return Console.keys(CLOCK, Map.of(), args);
    }

    @Test
    void createListRotateAndRevokeInTheTable(TestDatabase db) throws Exception {
        db.execute(JdbcApiKeyStore.schemaSql("partner_keys"));
        String url = db.url();

        Console created = keys("create", "--store", url, "--table", "partner_keys", "--plan", "gold",
                "--principal", "partner-a", "--scopes", "pets:read");
        assertThat(created.code()).as(created.err()).isZero();
        String key = created.out().strip();
        StoredKey stored = find(db, key);
        assertThat(stored.principal()).isEqualTo("partner-a");
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));

        Console list = keys("list", "--store", url, "--table", "partner_keys");
        assertThat(list.out()).contains(stored.id(), "partner-a", "pets:read").doesNotContain(key);

        Console rotated = keys("rotate", "--store", url, "--table", "partner_keys", "--id", stored.id());
        assertThat(rotated.code()).as(rotated.err()).isZero();
        String newKey = rotated.out().strip();
        assertThat(find(db, key).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(find(db, newKey).principal()).isEqualTo("partner-a");

        assertThat(keys("revoke", "--store", url, "--table", "partner_keys", "--id", stored.id()).code()).isZero();
        assertThat(find(db, key).revoked()).isTrue();
    }

    @Test
    void aMissingTableIsExplained(TestDatabase db) {
        Console run = keys("list", "--store", db.url());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("the key table does not exist", "schema-postgresql.sql");
    }

    private static StoredKey find(TestDatabase db, String key) throws Exception {
        try (JdbcApiKeyStore store = JdbcApiKeyStore.builder(db.dataSource()).table("partner_keys").build()) {
            return store.findByHash(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .orElseThrow();
        }
    }
}
