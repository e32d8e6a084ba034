package dev.apigw.security.auth.apikey;

import ch.qos.logback.classic.Level;
import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileApiKeyStoreTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock(START);

    @Test
    void findsAKeyByItsHash() throws IOException {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        Path file = write(issued.file());

        try (FileApiKeyStore store = open(file)) {
            assertThat(store.findByHash(KeyHash.of(issued.key()))).contains(issued.stored());
            assertThat(store.findByHash(KeyHash.of(issued.key() + "x"))).isEmpty();
            assertThat(store.findByHash(new byte[3])).isEmpty();
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void seesAnAtomicRewriteWithinOneSecond() throws IOException {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        Path file = write(issued.file());

        try (FileApiKeyStore store = open(file)) {
            write(issued.file().revoke(issued.stored().id()));
            clock.advance(Duration.ofSeconds(1));

            assertThat(store.findByHash(KeyHash.of(issued.key())).orElseThrow().revoked()).isTrue();
        }
    }

    @Test
    void looksAtTheFileAtMostOncePerCheckInterval() throws IOException {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        Path file = write(issued.file());

        try (FileApiKeyStore store = open(file)) {
            write(issued.file().revoke(issued.stored().id()));
            clock.advance(Duration.ofMillis(499));
            assertThat(store.findByHash(KeyHash.of(issued.key())).orElseThrow().revoked()).isFalse();

            clock.advance(Duration.ofMillis(1));
            assertThat(store.findByHash(KeyHash.of(issued.key())).orElseThrow().revoked()).isTrue();
        }
    }

    @Test
    void seesAnEditInPlaceThatKeepsSizeFileAndModificationTime() throws IOException {
        Instant later = Instant.parse("2027-01-01T00:00:00Z");
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), later);
        Path file = write(issued.file());
        FileTime modified = Files.getLastModifiedTime(file);

        try (FileApiKeyStore store = open(file)) {
            String edited = Files.readString(file).replace("2027-01-01", "2026-01-01");
            Files.writeString(file, edited, StandardCharsets.UTF_8);
            // As on a file system with coarse timestamps: the second edit within one tick keeps the time.
            Files.setLastModifiedTime(file, modified);
            clock.advance(Duration.ofSeconds(1));

            assertThat(store.findByHash(KeyHash.of(issued.key())).orElseThrow().expiresAt())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    @Test
    void keepsTheKeysItHasAndLogsOnceWhenARewriteIsBad() throws IOException {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        Path file = write(issued.file());
        String hex = KeyHash.hex(issued.stored().sha256());

        try (FileApiKeyStore store = open(file); RecordingLog log = new RecordingLog(FileApiKeyStore.class)) {
            replace(file, issued.file().toJson().replace("\"revoked\" : false", "\"revokd\" : true"));
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(store.findByHash(KeyHash.of(issued.key()))).contains(issued.stored());
            }

            assertThat(log.lines(Level.WARN)).singleElement().asString()
                    .contains("keys.json", "/keys/0/revokd", "1 keys read before stay in force")
                    .doesNotContain(hex).doesNotContain(issued.key());

            write(issued.file().revoke(issued.stored().id()));
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.findByHash(KeyHash.of(issued.key())).orElseThrow().revoked()).isTrue();
            assertThat(log.all()).noneMatch(line -> line.contains(hex) || line.contains(issued.key()));
        }
    }

    @Test
    void keepsTheKeysItHasWhenTheFileIsDeleted() throws IOException {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        Path file = write(issued.file());

        try (FileApiKeyStore store = open(file); RecordingLog log = new RecordingLog(FileApiKeyStore.class)) {
            Files.delete(file);
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.findByHash(KeyHash.of(issued.key()))).isPresent();
            clock.advance(Duration.ofSeconds(1));
            assertThat(log.lines(Level.WARN)).singleElement().asString().contains("NoSuchFileException");
        }
    }

    @Test
    void refusesToOpenABadFileNamingTheNode() throws IOException {
        Path file = folder.resolve("keys.json");
        Files.writeString(file, "{\"keys\":[{\"id\":\"k-1\"}]}");

        assertThatThrownBy(() -> open(file)).isInstanceOf(ApiKeyFileException.class)
                .hasMessage("keys.json error at /keys/0: missing field hash; id, hash, plan and principal are required");
    }

    @Test
    void findsNothingOnceClosed() throws IOException {
        ApiKeyFile.Issued issued = ApiKeyFile.empty().create("p", "gold", List.of(), null);
        FileApiKeyStore store = open(write(issued.file()));

        store.close();

        assertThat(store.findByHash(KeyHash.of(issued.key()))).isEmpty();
    }

    @Test
    void refusesACheckIntervalThatWouldBreakTheOneSecondPromise() throws IOException {
        Path file = write(ApiKeyFile.empty());

        assertThatThrownBy(() -> FileApiKeyStore.open(file, clock, Duration.ofMillis(1001)))
                .hasMessageContaining("within one second");
        assertThatThrownBy(() -> FileApiKeyStore.open(file, clock, Duration.ZERO))
                .hasMessageContaining("between 1ms and 1s");
    }

    @Test
    void lookupsDuringRewritesAlwaysSeeAWholeFile() throws Exception {
        ApiKeyFile.Issued steady = ApiKeyFile.empty().create("steady", "gold", List.of(), null);
        Path file = write(steady.file());
        byte[] hash = KeyHash.of(steady.key());

        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (FileApiKeyStore store = FileApiKeyStore.open(file, clock, Duration.ofMillis(1))) {
            List<Future<Integer>> misses = List.of(readers.submit(() -> lookups(store, hash)),
                    readers.submit(() -> lookups(store, hash)), readers.submit(() -> lookups(store, hash)));
            ApiKeyFile next = steady.file();
            for (int i = 0; i < 100; i++) {
                next = next.create("other-" + i, "free", List.of(), null).file();
                write(next);
                clock.advance(Duration.ofMillis(1));
            }
            for (Future<Integer> miss : misses) {
                assertThat(miss.get(30, TimeUnit.SECONDS)).isZero();
            }
            clock.advance(Duration.ofMillis(1));
            store.findByHash(hash);
            assertThat(store.size()).isEqualTo(101);
        } finally {
            readers.shutdownNow();
        }
    }

    private static int lookups(FileApiKeyStore store, byte[] hash) {
        int misses = 0;
        for (int i = 0; i < 20_000; i++) {
            StoredKey found = store.findByHash(hash).orElse(null);
            if (found == null || !found.principal().equals("steady")) {
                misses++;
            }
        }
        return misses;
    }

    private FileApiKeyStore open(Path file) throws IOException {
        return FileApiKeyStore.open(file, clock, FileApiKeyStore.DEFAULT_CHECK_INTERVAL);
    }

    private Path write(ApiKeyFile content) throws IOException {
        Path file = folder.resolve("keys.json");
        content.write(file);
        return file;
    }

    /** Any text, moved into place atomically, as a careful operator would. */
    private static void replace(Path file, String text) throws IOException {
        Path temp = file.resolveSibling("keys.json.new");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
