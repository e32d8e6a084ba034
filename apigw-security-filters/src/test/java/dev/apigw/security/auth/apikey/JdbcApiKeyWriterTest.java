package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.testing.RequiresPostgres;
import dev.apigw.security.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing keys into the JDBC store's table, read back by {@link JdbcApiKeyStore}, on the real PostgreSQL. */
@RequiresPostgres
class JdbcApiKeyWriterTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void createdKeyIsFoundByItsHashWithItsFieldsAndOnlyTheHashIsStored(TestDatabase db) throws Exception {
        try (JdbcApiKeyWriter writer = writer(db)) {
            JdbcApiKeyWriter.Issued issued = writer.create("partner-a", "gold", List.of("pets:read", "pets:write"),
                    NOW.plus(Duration.ofDays(90)));

            StoredKey found = store(db).findByHash(KeyHash.of(issued.key())).orElseThrow();
            assertThat(found.id()).isEqualTo(issued.stored().id()).startsWith("k-");
            assertThat(found.principal()).isEqualTo("partner-a");
            assertThat(found.plan()).isEqualTo("gold");
            assertThat(found.scopes()).containsExactly("pets:read", "pets:write");
            assertThat(found.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
            assertThat(ApiKeyFormat.standard().looksValid(issued.key())).isTrue();
            assertThat(issued.toString()).doesNotContain(issued.key());
        }
    }

    @Test
    void revokedKeyIsStoredRevoked(TestDatabase db) throws Exception {
        try (JdbcApiKeyWriter writer = writer(db)) {
            JdbcApiKeyWriter.Issued issued = writer.create("partner-a", "gold", List.of(), null);
            writer.revoke(issued.stored().id());
            writer.revoke(issued.stored().id());

            assertThat(store(db).findByHash(KeyHash.of(issued.key())).orElseThrow().revoked()).isTrue();
            assertThatThrownBy(() -> writer.revoke("k-nope")).hasMessage("no key with id k-nope");
        }
    }

    @Test
    void rotationIssuesANewKeyAndEndsTheOldOneAfterTheOverlap(TestDatabase db) throws Exception {
        try (JdbcApiKeyWriter writer = writer(db)) {
            JdbcApiKeyWriter.Issued old = writer.create("partner-a", "gold", List.of("pets:read"), null);
            JdbcApiKeyWriter.Issued fresh = writer.rotate(old.stored().id(), Duration.ofHours(24), NOW,
                    NOW.plus(Duration.ofDays(90)));

            assertThat(store(db).findByHash(KeyHash.of(old.key())).orElseThrow().expiresAt())
                    .isEqualTo(NOW.plus(Duration.ofHours(24)));
            StoredKey next = store(db).findByHash(KeyHash.of(fresh.key())).orElseThrow();
            assertThat(next.principal()).isEqualTo("partner-a");
            assertThat(next.scopes()).containsExactly("pets:read");
            assertThat(next.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
            assertThat(writer.list()).extracting(StoredKey::id)
                    .containsExactlyInAnyOrder(old.stored().id(), fresh.stored().id());
        }
    }

    @Test
    void aRevokedKeyCannotBeRotatedAndNothingIsWritten(TestDatabase db) throws Exception {
        try (JdbcApiKeyWriter writer = writer(db)) {
            String id = writer.create("partner-a", "gold", List.of(), null).stored().id();
            writer.revoke(id);

            assertThatThrownBy(() -> writer.rotate(id, Duration.ofHours(1), NOW, null))
                    .hasMessageContaining("revoked or expired");
            assertThatThrownBy(() -> writer.rotate("k-nope", Duration.ofHours(1), NOW, null))
                    .hasMessage("no key with id k-nope");
            assertThat(writer.list()).singleElement().extracting(StoredKey::expiresAt).isNull();
        }
    }

    @Test
    void refusesFieldsTheStoreWouldRefuse(TestDatabase db) {
        try (JdbcApiKeyWriter writer = writer(db)) {
            assertThatThrownBy(() -> writer.create("partner-a", "gold plan", List.of(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan");
        }
    }

    @Test
    void worksThroughItsOwnConnectionAndOnANamedTable(TestDatabase db) throws Exception {
        db.execute(JdbcApiKeyStore.schemaSql("other_keys"));
        try (JdbcApiKeyWriter writer = JdbcApiKeyWriter.open(db.url(), null, null, "other_keys")) {
            writer.create("partner-a", "gold", List.of(), null);
            assertThat(writer.list()).hasSize(1);
        }
    }

    private static JdbcApiKeyWriter writer(TestDatabase db) {
        db.execute(JdbcApiKeyStore.schemaSql(JdbcApiKeyStore.DEFAULT_TABLE));
        return JdbcApiKeyWriter.of(db.dataSource(), JdbcApiKeyStore.DEFAULT_TABLE);
    }

    private static JdbcApiKeyStore store(TestDatabase db) {
        return JdbcApiKeyStore.builder(db.dataSource()).build();
    }
}
