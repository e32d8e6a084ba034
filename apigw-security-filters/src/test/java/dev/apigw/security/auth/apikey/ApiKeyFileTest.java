package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyFileTest {

    static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String OTHER_HEX = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void readsTheContractExample() {
        ApiKeyFile file = ApiKeyFile.parse("""
                {"keys":[{"id":"k-1","hash":"sha256:%s","plan":"gold",
                "principal":"partner-a","scopes":[],"expiresAt":"2027-01-01T00:00:00Z","revoked":false}]}
                """.formatted(HEX));

        StoredKey key = file.keys().get(0);
        assertThat(key.id()).isEqualTo("k-1");
        assertThat(KeyHash.hex(key.sha256())).isEqualTo(HEX);
        assertThat(key.plan()).isEqualTo("gold");
        assertThat(key.principal()).isEqualTo("partner-a");
        assertThat(key.scopes()).isEmpty();
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(key.revoked()).isFalse();
    }

    @Test
    void optionalFieldsDefaultToNoScopesNoExpiryNotRevoked() {
        ApiKeyFile file = ApiKeyFile.parse("""
                {"keys":[{"id":"k-1","hash":"sha256:%s","plan":"free","principal":"p","expiresAt":null}]}
                """.formatted(HEX.toUpperCase()));

        StoredKey key = file.keys().get(0);
        assertThat(key.scopes()).isEmpty();
        assertThat(key.expiresAt()).isNull();
        assertThat(key.revoked()).isFalse();
        assertThat(KeyHash.hex(key.sha256())).isEqualTo(HEX);
    }

    @Test
    void readsExpiryWithAnOffset() {
        ApiKeyFile file = ApiKeyFile.parse(entry("\"expiresAt\":\"2027-01-01T02:00:00+02:00\""));

        assertThat(file.keys().get(0).expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "{\"keys\":[], \"extra\":1}                              | /extra             | unknown field",
        "[]                                                      | /                  | one JSON object",
        "{}                                                      | /keys              | keys must be an array",
        "{\"keys\":{}}                                           | /keys              | keys must be an array",
        "{\"keys\":[1]}                                          | /keys/0            | must be an object",
        "{\"keys\":[{\"id\":\"k\",\"plan\":\"p\",\"principal\":\"p\"}]} | /keys/0     | missing field hash",
        "{\"keys\":[], \"keys\":[]}                              | /keys              | appears twice",
        "{\"keys\":[]} []                                        | /                  | not valid JSON",
        "{\"keys\":[                                             | /keys              | not valid JSON",
    })
    void refusesADocumentOfTheWrongShapeWithThePointer(String json, String pointer, String message) {
        ApiKeyFileException e = catchThrowableOfType(ApiKeyFileException.class, () -> ApiKeyFile.parse(json));

        assertThat(e.getMessage()).contains("error at " + pointer + ": ").contains(message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"revokd\":true                          | /keys/0/revokd    | unknown field; the fields are id",
        "\"hash\":\"sha256:abc\"                  | /keys/0/hash      | 64 hex digits",
        "\"hash\":\"md5:" + HEX + "\"             | /keys/0/hash      | 64 hex digits",
        "\"hash\":\"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g\"  | /keys/0/hash | 64 hex digits",
        "\"hash\":42                              | /keys/0/hash      | hash must be a string",
        "\"id\":\"\"                              | /keys/0/id        | id must be 1 to 128",
        "\"id\":\"a b\"                           | /keys/0/id        | id must be 1 to 128",
        "\"id\":7                                 | /keys/0/id        | id must be a string",
        "\"plan\":\"gold plan\"                   | /keys/0/plan      | plan must name a usage plan",
        "\"principal\":\"  \"                     | /keys/0/principal | not blank",
        "\"principal\":\"a\\nb\"                  | /keys/0/principal | control characters",
        "\"scopes\":\"pets:read\"                 | /keys/0/scopes    | array of strings",
        "\"scopes\":[\"ok\",\"has space\"]        | /keys/0/scopes/1  | RFC 6749",
        "\"scopes\":[1]                           | /keys/0/scopes/0  | must be a string",
        "\"expiresAt\":\"next year\"              | /keys/0/expiresAt | RFC 3339",
        "\"expiresAt\":\"2027-01-01T00:00:00\"    | /keys/0/expiresAt | RFC 3339",
        "\"revoked\":\"yes\"                      | /keys/0/revoked   | true or false",
        "\"id\":\"k-1\",\"id\":\"k-2\"            | /keys/0/id        | appears twice",
    })
    void refusesABadFieldWithItsPointer(String field, String pointer, String message) {
        ApiKeyFileException e = catchThrowableOfType(ApiKeyFileException.class, () -> ApiKeyFile.parse(entry(field)));

        assertThat(e.pointer()).isEqualTo(pointer);
        assertThat(e.getMessage()).contains("error at " + pointer + ": ").contains(message);
    }

    @Test
    void refusesARepeatedIdOrHashNamingTheFirst() {
        String twoIds = "{\"keys\":[" + object("k-1", HEX) + "," + object("k-1", OTHER_HEX) + "]}";
        String twoHashes = "{\"keys\":[" + object("k-1", HEX) + "," + object("k-2", HEX) + "]}";

        assertThatThrownBy(() -> ApiKeyFile.parse(twoIds)).isInstanceOf(ApiKeyFileException.class)
                .hasMessageContaining("error at /keys/1/id: the id is already used at /keys/0");
        assertThatThrownBy(() -> ApiKeyFile.parse(twoHashes)).isInstanceOf(ApiKeyFileException.class)
                .hasMessageContaining("error at /keys/1/hash: the hash is already used at /keys/0");
    }

    @Test
    void errorMessagesNeverRepeatAHashOrAValue() {
        String badHash = "\"hash\":\"sha256:" + HEX + "00\"";
        String pastedKey = "\"hash\":\"" + ApiKeyFormat.standard().generate() + "\"";
        String brokenJson = "{\"keys\":[{\"id\":\"k-1\",\"hash\":\"sha256:" + HEX + "\" \"plan\":\"x\"}]}";

        String keyAsName = "{\"keys\":[{\"" + ApiKeyFormat.standard().generate() + "\":1}]}";
        String hashAsRepeatedName = "{\"keys\":[{\"sha256:" + HEX + "\":1,\"sha256:" + HEX + "\":1}]}";
        for (String json : List.of(entry(badHash), entry(pastedKey), brokenJson, keyAsName, hashAsRepeatedName,
                "{\"keys\":[" + object("k-1", HEX) + "," + object("k-2", HEX) + "]}")) {
            assertThatThrownBy(() -> ApiKeyFile.parse(json)).isInstanceOf(ApiKeyFileException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HEX.substring(0, 16))
                            .doesNotContain("apigw_"));
        }
    }

    @Test
    void createsAKeyWhoseHashAloneIsStored() {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("partner-a", "gold", List.of("pets:read"), null);

        assertThat(ApiKeyFormat.standard().looksValid(issued.key())).isTrue();
        assertThat(issued.stored().sha256()).isEqualTo(KeyHash.of(issued.key()));
        assertThat(issued.stored().id()).matches("k-[0-9A-Za-z]{12}");
        assertThat(issued.file().keys()).containsExactly(issued.stored());
        assertThat(issued.file().toJson()).doesNotContain(issued.key())
                .contains("sha256:" + KeyHash.hex(KeyHash.of(issued.key())));
        assertThat(issued.toString()).doesNotContain(issued.key());
    }

    @Test
    void changesAnswerNewFilesAndLeaveTheOldOneAsItWas() {
        ApiKeyFile empty = ApiKeyFile.empty();
        ApiKeyFile.Issued issued = empty.create("p", "free", List.of(), null);
        ApiKeyFile revoked = issued.file().revoke(issued.stored().id());

        assertThat(empty.keys()).isEmpty();
        assertThat(issued.file().keys().get(0).revoked()).isFalse();
        assertThat(revoked.keys().get(0).revoked()).isTrue();
        assertThat(revoked.revoke(issued.stored().id()).keys()).hasSize(1);
    }

    @Test
    void rotationGivesTheOldKeyTheOverlapAndTheNewKeyTheSameGrants() {
        ApiKeyFile.Issued first = ApiKeyFile.empty().create("p", "gold", List.of("a", "b"), null);

        ApiKeyFile.Issued second = first.file().rotate(first.stored().id(), Duration.ofDays(7), NOW,
                NOW.plus(Duration.ofDays(90)));

        StoredKey old = second.file().find(first.stored().id()).orElseThrow();
        assertThat(old.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(old.revoked()).isFalse();
        assertThat(second.stored().principal()).isEqualTo("p");
        assertThat(second.stored().plan()).isEqualTo("gold");
        assertThat(second.stored().scopes()).containsExactly("a", "b");
        assertThat(second.stored().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(second.key()).isNotEqualTo(first.key());
    }

    @Test
    void rotationNeverExtendsTheOldKeysLife() {
        ApiKeyFile.Issued first = ApiKeyFile.empty().create("p", "gold", List.of(), NOW.plusSeconds(60));

        ApiKeyFile.Issued second = first.file().rotate(first.stored().id(), Duration.ofDays(7), NOW, null);

        assertThat(second.file().find(first.stored().id()).orElseThrow().expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void refusesToRotateARevokedExpiredOrUnknownKey() {
        ApiKeyFile.Issued first = ApiKeyFile.empty().create("p", "gold", List.of(), NOW.plusSeconds(60));
        String id = first.stored().id();

        assertThatThrownBy(() -> first.file().revoke(id).rotate(id, Duration.ofDays(1), NOW, null))
                .hasMessageContaining("revoked or expired");
        assertThatThrownBy(() -> first.file().rotate(id, Duration.ofDays(1), NOW.plusSeconds(60), null))
                .hasMessageContaining("revoked or expired");
        assertThatThrownBy(() -> first.file().rotate("k-none", Duration.ofDays(1), NOW, null))
                .hasMessageContaining("no key with id k-none");
        assertThatThrownBy(() -> first.file().rotate(id, Duration.ofDays(-1), NOW, null))
                .hasMessageContaining("negative");
    }

    @Test
    void refusesToAddAKeyWhoseIdOrHashIsTaken() {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        StoredKey sameId = new StoredKey(issued.stored().id(), KeyHash.of("x".repeat(20)), "gold", "p", List.of(),
                null, false);
        StoredKey sameHash = new StoredKey("k-other", issued.stored().sha256(), "gold", "p", List.of(), null, false);
        StoredKey badPlan = new StoredKey("k-3", KeyHash.of("y".repeat(20)), "a plan", "p", List.of(), null, false);

        assertThatThrownBy(() -> issued.file().with(sameId)).hasMessageContaining("exists already");
        assertThatThrownBy(() -> issued.file().with(sameHash)).hasMessageContaining("same hash");
        assertThatThrownBy(() -> issued.file().with(badPlan)).hasMessageContaining("plan must name");
    }

    @Test
    void writesAtomicallyAndReadsBackTheSameKeys(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("keys.json");
        ApiKeyFile.Issued a = ApiKeyFile.empty().create("p", "gold", List.of("s"), NOW);
        ApiKeyFile.Issued b = a.file().create("q", "free", List.of(), null);

        b.file().write(file);
        b.file().revoke(a.stored().id()).write(file);
        ApiKeyFile read = ApiKeyFile.read(file);

        assertThat(read.keys()).containsExactlyElementsOf(b.file().keys());
        assertThat(read.find(a.stored().id()).orElseThrow().revoked()).isTrue();
        assertThat(read.find(a.stored().id()).orElseThrow().expiresAt()).isEqualTo(NOW);
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(file);
        }
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void toStringShowsOnlyTheCount() {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);

        assertThat(issued.file()).hasToString("ApiKeyFile[1 keys]");
    }

    private static String entry(String field) {
        String base = "\"id\":\"k-1\",\"hash\":\"sha256:" + HEX + "\",\"plan\":\"gold\",\"principal\":\"p\"";
        String name = field.substring(1, field.indexOf('"', 1));
        String kept = java.util.Arrays.stream(base.split(","))
                .filter(part -> !part.startsWith("\"" + name + "\""))
                .reduce((x, y) -> x + "," + y).orElse("");
        return "{\"keys\":[{" + kept + "," + field + "}]}";
    }

    private static String object(String id, String hex) {
        return "{\"id\":\"" + id + "\",\"hash\":\"sha256:" + hex + "\",\"plan\":\"gold\",\"principal\":\"p\"}";
    }
}
