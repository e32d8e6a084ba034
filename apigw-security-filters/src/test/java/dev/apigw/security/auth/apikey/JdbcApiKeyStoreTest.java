package dev.apigw.security.auth.apikey;

import ch.qos.logback.classic.Level;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;
import dev.apigw.security.testing.RequiresPostgres;
import dev.apigw.security.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RequiresPostgres
class JdbcApiKeyStoreTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    final MutableClock clock = new MutableClock(START);

    @Test
    void acceptsAValidKeyWithItsPrincipalScopesAndPlan(TestDatabase db) {
        String key = insert(db, "k-1", "partner-a", "pets:read pets:write", null);

        try (JdbcApiKeyStore store = store(db).build()) {
            Identity identity = identityOf(authenticate(store, key));

            assertThat(identity.principal()).isEqualTo("partner-a");
            assertThat(identity.scopes()).containsExactlyInAnyOrder("pets:read", "pets:write");
            assertThat(identity.apiKeyId()).isEqualTo("k-1");
            assertThat(identity.plan()).isEqualTo("gold");
        }
    }

    @Test
    void refusesAnUnknownKey(TestDatabase db) {
        insert(db, "k-1", "partner-a", "", null);

        try (JdbcApiKeyStore store = store(db).build()) {
            assertThat(authenticate(store, ApiKeyFormat.standard().generate()).proceeds()).isFalse();
        }
    }

    @Test
    void refusesAKeyRevokedWhileRunningOnceTheCacheTtlHasPassed(TestDatabase db) {
        String key = insert(db, "k-1", "partner-a", "", null);

        try (JdbcApiKeyStore store = store(db).build()) {
            assertThat(authenticate(store, key).proceeds()).isTrue();

            db.execute("UPDATE apigw_api_keys SET revoked = true WHERE id = ?", "k-1");
            clock.advance(Duration.ofMillis(999));
            assertThat(authenticate(store, key).proceeds()).as("still cached").isTrue();

            clock.advance(Duration.ofMillis(1));
            Decision decision = authenticate(store, key);
            assertThat(decision.proceeds()).isFalse();
            assertThat(((Decision.Reject) decision).problem().internalNote()).contains("k-1 revoked");
        }
    }

    @Test
    void refusesAnExpiredKey(TestDatabase db) {
        String key = insert(db, "k-1", "partner-a", "", START.plusSeconds(60));

        try (JdbcApiKeyStore store = store(db).build()) {
            assertThat(authenticate(store, key).proceeds()).isTrue();
            clock.advance(Duration.ofSeconds(60));
            assertThat(authenticate(store, key).proceeds()).isFalse();
        }
    }

    @Test
    void bothKeysWorkDuringTheRotationOverlapAndOnlyTheNewOneAfterIt(TestDatabase db) {
        String old = insert(db, "k-old", "partner-a", "pets:read", null);

        try (JdbcApiKeyStore store = store(db).build()) {
            assertThat(authenticate(store, old).proceeds()).isTrue();
            String fresh = insert(db, "k-new", "partner-a", "pets:read", null);
            db.execute("UPDATE apigw_api_keys SET expires_at = ? WHERE id = ?",
                    Timestamp.from(clock.instant().plus(Duration.ofHours(1))), "k-old");
            clock.advance(Duration.ofSeconds(1));

            assertThat(identityOf(authenticate(store, old)).apiKeyId()).isEqualTo("k-old");
            assertThat(identityOf(authenticate(store, fresh)).apiKeyId()).isEqualTo("k-new");

            clock.advance(Duration.ofHours(1));
            assertThat(authenticate(store, old).proceeds()).isFalse();
            assertThat(authenticate(store, fresh).proceeds()).isTrue();
        }
    }

    @Test
    void asksTheDatabaseOncePerKeyWithinTheTtl(TestDatabase db) {
        String key = insert(db, "k-1", "partner-a", "", null);
        SwitchableDataSource counted = new SwitchableDataSource(db.dataSource());

        try (JdbcApiKeyStore store = JdbcApiKeyStore.builder(counted).clock(clock).build()) {
            for (int i = 0; i < 50; i++) {
                store.findByHash(KeyHash.of(key));
            }
            assertThat(counted.borrowed).hasValue(1);

            clock.advance(Duration.ofSeconds(1));
            store.findByHash(KeyHash.of(key));
            assertThat(counted.borrowed).hasValue(2);
        }
    }

    @Test
    void keepsKeysReadWithinTheGraceDuringAnOutageThenFailsClosed(TestDatabase db) {
        String known = insert(db, "k-1", "partner-a", "", null);
        String neverRead = insert(db, "k-2", "partner-b", "", null);
        SwitchableDataSource flaky = new SwitchableDataSource(db.dataSource());

        try (JdbcApiKeyStore store = JdbcApiKeyStore.builder(flaky).clock(clock).outageGrace(Duration.ofSeconds(30))
                .build(); RecordingLog log = new RecordingLog(JdbcApiKeyStore.class)) {
            assertThat(authenticate(store, known).proceeds()).isTrue();
            flaky.down(true);

            clock.advance(Duration.ofSeconds(29));
            assertThat(authenticate(store, known).proceeds()).as("within the grace").isTrue();
            assertThat(authenticate(store, neverRead).proceeds()).as("never read").isFalse();
            assertThat(flaky.refused).as("one try per TTL while the database is away").hasValue(1);

            clock.advance(Duration.ofSeconds(1));
            assertThat(authenticate(store, known).proceeds()).as("grace over").isFalse();
            assertThat(log.lines(Level.WARN)).singleElement().asString()
                    .contains("unreachable", "SQLState 08001").doesNotContain("127.0.0.1");

            flaky.down(false);
            assertThat(authenticate(store, known).proceeds()).as("no new try within the TTL").isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(authenticate(store, known).proceeds()).isTrue();
            assertThat(log.lines(Level.INFO)).singleElement().asString().contains("reachable again");
        }
    }

    @Test
    void worksFromAJdbcUrlAndASchemaQualifiedTable(TestDatabase db) {
        String table = db.schema() + ".partner_keys";
        db.execute(JdbcApiKeyStore.schemaSql(table));
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("partner-a", "free", List.of(), null);
        db.execute("INSERT INTO " + table + " (id, hash, plan, principal) VALUES (?, ?, ?, ?)",
                issued.stored().id(), issued.stored().sha256(), "free", "partner-a");

        try (JdbcApiKeyStore store = JdbcApiKeyStore.builder(db.url(), null, null).table(table).clock(clock).build()) {
            assertThat(authenticate(store, issued.key()).proceeds()).isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(authenticate(store, issued.key()).proceeds()).isTrue();
        }
    }

    @Test
    void refusesAKeyWhoseHashIsInTwoRows(TestDatabase db) {
        db.execute("CREATE TABLE loose_keys (id text, hash bytea, plan text, principal text, scopes text, "
                + "expires_at timestamptz, revoked boolean)");
        String key = ApiKeyFormat.standard().generate();
        for (String id : new String[] {"k-1", "k-2"}) {
            db.execute("INSERT INTO loose_keys VALUES (?, ?, 'gold', 'p', '', NULL, false)", id, KeyHash.of(key));
        }

        try (JdbcApiKeyStore store = store(db).table("loose_keys").build()) {
            assertThat(store.findByHash(KeyHash.of(key))).isEmpty();
        }
    }

    @Test
    void theShippedSchemaRefusesAHashTakenTwiceOrNotOfSha256Length(TestDatabase db) {
        db.execute(JdbcApiKeyStore.schemaSql("apigw_api_keys"));
        String insert = "INSERT INTO apigw_api_keys (id, hash, plan, principal) VALUES (?, ?, 'gold', 'p')";
        db.execute(insert, "k-1", KeyHash.of("a key of some length"));

        assertThatThrownBy(() -> db.execute(insert, "k-2", KeyHash.of("a key of some length")))
                .hasStackTraceContaining("apigw_api_keys_hash_key");
        assertThatThrownBy(() -> db.execute(insert, "k-3", new byte[] {1, 2, 3}))
                .hasStackTraceContaining("apigw_api_keys_hash_check");
    }

    private JdbcApiKeyStore.Builder store(TestDatabase db) {
        return JdbcApiKeyStore.builder(db.dataSource()).clock(clock);
    }

    private String insert(TestDatabase db, String id, String principal, String scopes, Instant expiresAt) {
        db.execute(JdbcApiKeyStore.schemaSql("apigw_api_keys"));
        String key = ApiKeyFormat.standard().generate();
        db.execute("INSERT INTO apigw_api_keys (id, hash, plan, principal, scopes, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, KeyHash.of(key), "gold", principal, scopes, expiresAt == null ? null : Timestamp.from(expiresAt));
        return key;
    }

    private Decision authenticate(JdbcApiKeyStore store, String key) {
        return ApiKeyAuthenticator.builder(store).clock(clock).build()
                .authenticate(FakeExchange.of(FakeRequest.get("/pets").header("X-Api-Key", key).build()));
    }

    private static Identity identityOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Proceed.class);
        return ((Decision.Proceed) decision).identity();
    }
}
