package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.auth.apikey.ApiKeyFile;
import dev.apigw.security.auth.apikey.FileApiKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys} end to end against the key file: what it prints, what it stores, and concurrent runs. */
class KeysCommandTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Console keys(String... args) {
        return Console.keys(CLOCK, Map.of(), args);
    }

    private String store() {
        return dir.resolve("keys.json").toString();
    }

    @Test
    void createPrintsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        Console run = keys("create", "--store", store(), "--plan", "gold", "--principal", "partner-a",
                "--scopes", "pets:read, pets:write", "--expires", "30d");

        assertThat(run.code()).isZero();
        String key = run.out().strip();
        assertThat(key).startsWith("apigw_").hasSize(44);
        assertThat(run.err()).contains("for partner-a (plan gold, scopes pets:read pets:write, expires"
                + " 2026-12-31T10:00:00Z)", "shown only this once").doesNotContain(key);
        String file = Files.readString(dir.resolve("keys.json"));
        assertThat(file).doesNotContain(key).contains("\"hash\" : \"sha256:" + sha256(key) + "\"");

        try (FileApiKeyStore running = FileApiKeyStore.open(dir.resolve("keys.json"))) {
            StoredKey stored = running.findByHash(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).orElseThrow();
            assertThat(stored.principal()).isEqualTo("partner-a");
            assertThat(stored.scopes()).containsExactly("pets:read", "pets:write");
        }
    }

    @Test
    void newKeysExpireAfterNinetyDaysUnlessToldNever() throws Exception {
        keys("create", "--store", store(), "--plan", "free");
        keys("create", "--store", store(), "--plan", "free", "--expires", "never");

        List<StoredKey> stored = ApiKeyFile.read(dir.resolve("keys.json")).keys();
        assertThat(stored.get(0).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(stored.get(0).principal()).as("the key's own id, without --principal").isEqualTo(stored.get(0).id());
        assertThat(stored.get(1).expiresAt()).isNull();
    }

    @Test
    void listNeverPrintsAKeyOrAHash() throws Exception {
        String key = keys("create", "--store", store(), "--plan", "gold", "--principal", "partner-a").out().strip();

        Console list = keys("list", "--store", store());

        assertThat(list.code()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out()).startsWith("ID").contains("partner-a", "gold", "2027-03-01T10:00:00Z", "no")
                .doesNotContain(key, "sha256", sha256(key));
    }

    @Test
    void revokeMarksTheKeyRevoked() throws Exception {
        keys("create", "--store", store(), "--plan", "gold", "--principal", "partner-a");
        String id = ApiKeyFile.read(dir.resolve("keys.json")).keys().get(0).id();

        Console run = keys("revoke", "--store", store(), "--id", id);

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("revoked " + id + "\n");
        assertThat(ApiKeyFile.read(dir.resolve("keys.json")).keys().get(0).revoked()).isTrue();
        assertThat(keys("revoke", "--store", store(), "--id", "k-nope").err()).contains("no key with id k-nope");
    }

    @Test
    void rotatePrintsTheNewKeyAndEndsTheOldOneAfterTheOverlap() throws Exception {
        String oldKey = keys("create", "--store", store(), "--plan", "gold", "--principal", "partner-a",
                "--scopes", "pets:read").out().strip();
        String id = ApiKeyFile.read(dir.resolve("keys.json")).keys().get(0).id();

        Console run = keys("rotate", "--store", store(), "--id", id, "--overlap", "2h");

        assertThat(run.code()).isZero();
        String newKey = run.out().strip();
        assertThat(newKey).startsWith("apigw_").isNotEqualTo(oldKey);
        List<StoredKey> stored = ApiKeyFile.read(dir.resolve("keys.json")).keys();
        assertThat(stored.get(0).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(stored.get(1).principal()).isEqualTo("partner-a");
        assertThat(stored.get(1).scopes()).containsExactly("pets:read");
        assertThat(stored.get(1).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void concurrentRunsLoseNoUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Console>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String principal = "partner-" + i;
                runs.add(pool.submit((Callable<Console>) () -> keys("create", "--store", store(), "--plan", "gold",
                        "--principal", principal)));
            }
            for (Future<Console> run : runs) {
                assertThat(run.get().code()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ApiKeyFile.read(dir.resolve("keys.json")).keys()).hasSize(40);
    }

    @Test
    void badInputIsAUsageErrorAndAMissingFileAnError() {
        assertThat(keys().code()).isEqualTo(2);
        assertThat(keys("create", "--store", store()).err()).contains("--plan is required");
        assertThat(keys("create", "--store", store(), "--plan", "gold", "--expires", "soon").err())
                .contains("--expires: \"soon\" is not a duration");
        assertThat(keys("create", "--store", store(), "--plan", "gold plan").err()).contains("plan must name");
        assertThat(keys("list", "--store", store(), "--table", "t").err()).contains("--table is for a jdbc: store");
        assertThat(keys("list", "--store", store()).err()).contains("there is no key file at");
    }

    @Test
    void aMalformedKeyFileIsReportedWithoutItsContent() throws Exception {
        Files.writeString(dir.resolve("keys.json"), "{\"keys\":[{\"id\":\"k 1\",\"hash\":\"sha256:secretish\"}]}");

        Console run = keys("list", "--store", store());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("keys.json error at /keys/0").doesNotContain("secretish");
    }

    private static String sha256(String key) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
