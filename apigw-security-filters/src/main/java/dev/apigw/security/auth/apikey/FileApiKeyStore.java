package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link ApiKeyStore} over the API key file of CONTRACT §3, re-read when the file changes, so that a revoked key
 * stops working within one second.
 *
 * <p>How: the keys live in an immutable map in a volatile field, replaced whole after a good read, so a lookup is one
 * map read without a lock and never sees half a file. At most once per check interval (default 500 ms, by the
 * injected clock) the request that finds the check due takes one {@code stat} of the file ({@link FileSignature});
 * only when it changed is the file read and checked again, in that request's thread, while concurrent requests go on
 * with the keys they have. There is no background thread to manage.
 *
 * <p>A file that cannot be read or fails the checks keeps the keys read before in force, and is logged once (the
 * message names the node and the rule, never a key or hash); the next good write is picked up as usual. Deleting
 * the file does not revoke anything: mark keys {@code revoked} or remove their entries instead. After {@link #close()}
 * the store finds no key, failing closed.
 */
public final class FileApiKeyStore implements ApiKeyStore, AutoCloseable {

    /** How often the file is checked for a change when not configured. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(FileApiKeyStore.class);

    private final Path file;
    private final String name;
    private final Clock clock;
    private final long intervalMillis;
    private final AtomicLong nextCheck;
    private volatile Snapshot current;
    private volatile Object reportedFailure;
    private volatile boolean closed;

    /** The keys of one good read, and the signature of the file they were read from. */
    private record Snapshot(Map<String, StoredKey> byHash, FileSignature signature, boolean racy) {
    }

    private FileApiKeyStore(Path file, Clock clock, Duration checkInterval) throws IOException {
        this.file = file;
        this.name = String.valueOf(file.getFileName());
        this.clock = clock;
        this.intervalMillis = checkInterval.toMillis();
        this.current = load(FileSignature.of(file));
        this.nextCheck = new AtomicLong(clock.millis() + intervalMillis);
    }

    /** Opens a key file on the system clock; a file that fails the checks stops start-up with the JSON pointer. */
    public static FileApiKeyStore open(Path file) throws IOException {
        return open(file, Clock.systemUTC(), DEFAULT_CHECK_INTERVAL);
    }

    /**
     * Opens a key file, checked for a change at most once per {@code checkInterval} of {@code clock}.
     *
     * @param checkInterval from 1 ms to 1 s, so that a revocation takes effect within one second
     */
    public static FileApiKeyStore open(Path file, Clock clock, Duration checkInterval) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        if (checkInterval.toMillis() < 1 || checkInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the key file check interval must be between 1ms and 1s, so that a "
                    + "revoked key stops working within one second");
        }
        return new FileApiKeyStore(file, clock, checkInterval);
    }

    @Override
    public Optional<StoredKey> findByHash(byte[] sha256) {
        if (closed || sha256 == null || sha256.length != KeyHash.LENGTH) {
            return Optional.empty();
        }
        checkIfDue();
        return Optional.ofNullable(current.byHash().get(KeyHash.hex(sha256)));
    }

    /** How many keys are in force, revoked and expired ones included. */
    public int size() {
        return current.byHash().size();
    }

    /** From now on no key is found. */
    @Override
    public void close() {
        closed = true;
    }

    private void checkIfDue() {
        long now = clock.millis();
        long due = nextCheck.get();
        // One request per interval wins the compare-and-set and checks; the others never wait for it.
        if (now >= due && nextCheck.compareAndSet(due, now + intervalMillis)) {
            reloadIfChanged();
        }
    }

    private void reloadIfChanged() {
        Snapshot old = current;
        FileSignature signature = null;
        try {
            signature = FileSignature.of(file);
            boolean failedBefore = signature.equals(reportedFailure) && !signature.racyAt(Instant.now());
            if ((signature.equals(old.signature()) && !old.racy()) || failedBefore) {
                return;
            }
            current = load(signature);
            reportedFailure = null;
            if (!signature.equals(old.signature())) {
                LOG.info("API key file {} reloaded: {} keys", name, current.byHash().size());
            }
        } catch (IOException | RuntimeException e) {
            reportOnce(signature != null ? signature : e.getClass(), e, old);
        }
    }

    private Snapshot load(FileSignature signature) throws IOException {
        if (signature.size() > ApiKeyFileReader.MAX_BYTES) {
            throw new ApiKeyFileException(name, "", "the file is larger than 32 MiB");
        }
        // The signature is taken before the read: should the file change in between, the next check reads it again.
        Instant readAt = Instant.now();
        Map<String, StoredKey> byHash = new HashMap<>();
        for (StoredKey key : new ApiKeyFileReader(name).read(Files.readAllBytes(file))) {
            byHash.put(KeyHash.hex(key.sha256()), key);
        }
        return new Snapshot(Map.copyOf(byHash), signature, signature.racyAt(readAt));
    }

    private void reportOnce(Object failure, Throwable e, Snapshot old) {
        if (failure.equals(reportedFailure)) {
            return;
        }
        reportedFailure = failure;
        String why = e instanceof ApiKeyFileException ? e.getMessage() : e.getClass().getSimpleName();
        LOG.warn("API key file {} not reloaded; the {} keys read before stay in force: {}", name,
                old.byHash().size(), why);
    }
}
