package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.auth.apikey.ApiKeyFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Edits the API key file (CONTRACT §3): read, change, write atomically, all under a lock, so that two {@code keys}
 * commands run at once never lose each other's change.
 *
 * <p>The lock is {@link FileChannel#lock()} on {@code keys.json.lock} beside the file, which other processes respect;
 * the lock file is left in place, since deleting it would let a third process lock a new file while the second
 * still holds the old one. The JVM holds file locks per process, not per thread, so threads of one process queue on a
 * {@link ReentrantLock} first. Writes go through {@link ApiKeyFile#write}, which is atomic, so a running gateway
 * never reads half a file.
 */
final class KeyFileEditor implements KeyStoreEditor {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;

    KeyFileEditor(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    @Override
    public NewKey create(String principal, String plan, List<String> scopes, Instant expiresAt) throws IOException {
        return issue(keys -> keys.create(principal, plan, scopes, expiresAt), true);
    }

    @Override
    public void revoke(String id) throws IOException {
        edit(keys -> new Edit<Void>(keys.revoke(id), null), false);
    }

    @Override
    public NewKey rotate(String id, Duration overlap, Instant now, Instant newExpiresAt) throws IOException {
        return issue(keys -> keys.rotate(id, overlap, now, newExpiresAt), false);
    }

    @Override
    public List<StoredKey> list() throws IOException {
        return read(false).keys();
    }

    @Override
    public void close() {
    }

    private NewKey issue(Function<ApiKeyFile, ApiKeyFile.Issued> change, boolean mayCreate) throws IOException {
        return edit(keys -> {
            ApiKeyFile.Issued issued = change.apply(keys);
            return new Edit<>(issued.file(), new NewKey(issued.stored(), issued.key()));
        }, mayCreate);
    }

    /** A changed file and what to answer. */
    private record Edit<T>(ApiKeyFile file, T answer) {
    }

    private <T> T edit(Function<ApiKeyFile, Edit<T>> change, boolean mayCreate) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Edit<T> edit = change.apply(read(mayCreate));
            edit.file().write(file);
            return edit.answer();
        } finally {
            local.unlock();
        }
    }

    private ApiKeyFile read(boolean mayCreate) throws IOException {
        try {
            return ApiKeyFile.read(file);
        } catch (NoSuchFileException e) {
            if (mayCreate) {
                return ApiKeyFile.empty();
            }
            throw new IllegalArgumentException("there is no key file at " + file);
        }
    }
}
