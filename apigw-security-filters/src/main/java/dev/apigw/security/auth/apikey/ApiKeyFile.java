package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of an API key file (CONTRACT §3), as an immutable value: every change ({@link #create}, {@link #revoke},
 * {@link #rotate}, {@link #with}) answers a new file and leaves this one as it was, so a command can build the new
 * file completely, then {@link #write} it in one atomic step.
 *
 * <p>The file holds only hashes. A new key exists in plain text only in the {@link Issued} answer, to be shown to its
 * owner once.
 */
public final class ApiKeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<StoredKey> keys;

    private ApiKeyFile(List<StoredKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A file without keys. */
    public static ApiKeyFile empty() {
        return new ApiKeyFile(List.of());
    }

    /** Reads and checks a file; a bad one fails with the JSON pointer of the bad node. */
    public static ApiKeyFile read(Path file) throws IOException {
        if (Files.size(file) > ApiKeyFileReader.MAX_BYTES) {
            throw new ApiKeyFileException(file.getFileName().toString(), "", "the file is larger than 32 MiB");
        }
        return new ApiKeyFile(new ApiKeyFileReader(file.getFileName().toString()).read(Files.readAllBytes(file)));
    }

    /** Reads and checks the JSON of a file. */
    public static ApiKeyFile parse(String json) {
        return new ApiKeyFile(new ApiKeyFileReader("API key file").read(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The keys, in file order. */
    public List<StoredKey> keys() {
        return keys;
    }

    /** The key with this id. */
    public Optional<StoredKey> find(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * A new key of {@link ApiKeyFormat} for a principal, and the file that holds its hash.
     *
     * @param principal who the key authenticates as; {@code null} for the key's own id
     * @param expiresAt when it stops working, or {@code null} for never
     */
    public Issued create(String principal, String plan, List<String> scopes, Instant expiresAt) {
        String key = ApiKeyFormat.standard().generate();
        String id = newId();
        StoredKey stored = new StoredKey(id, KeyHash.of(key), plan, principal == null ? id : principal, scopes,
                expiresAt, false);
        return new Issued(with(stored), stored, key);
    }

    /** This file with one more key whose hash is known, e.g. one imported from another gateway. */
    public ApiKeyFile with(StoredKey key) {
        check(key);
        for (StoredKey k : keys) {
            if (k.id().equals(key.id())) {
                throw new IllegalArgumentException("a key with id " + key.id() + " exists already");
            }
            if (MessageDigest.isEqual(k.sha256(), key.sha256())) {
                throw new IllegalArgumentException("key " + k.id() + " has the same hash already");
            }
        }
        List<StoredKey> copy = new ArrayList<>(keys);
        copy.add(key);
        return new ApiKeyFile(copy);
    }

    /** This file with the key revoked; revoking twice is harmless. */
    public ApiKeyFile revoke(String id) {
        StoredKey old = existing(id);
        return replaced(old, new StoredKey(old.id(), old.sha256(), old.plan(), old.principal(), old.scopes(),
                old.expiresAt(), true));
    }

    /**
     * A new key for the same principal, plan and scopes; the old key keeps working for {@code overlap} from
     * {@code now} (or until its own expiry, if sooner), so that clients can switch without an outage.
     *
     * @param newExpiresAt when the new key expires, or {@code null} for never
     */
    public Issued rotate(String id, Duration overlap, Instant now, Instant newExpiresAt) {
        StoredKey old = existing(id);
        Instant oldEnd = rotationEnd(old, overlap, now);
        ApiKeyFile shortened = replaced(old, new StoredKey(old.id(), old.sha256(), old.plan(), old.principal(),
                old.scopes(), oldEnd, false));
        return shortened.create(old.principal(), old.plan(), old.scopes(), newExpiresAt);
    }

    /** The file's JSON, as {@link #write} writes it. */
    public String toJson() {
        return ApiKeyFileWriter.json(keys);
    }

    /** Writes the file atomically: a reader sees the old file or this one, never a mix. */
    public void write(Path file) throws IOException {
        ApiKeyFileWriter.write(keys, file);
    }

    /** The number of keys only: a file's content never goes into a log line. */
    @Override
    public String toString() {
        return "ApiKeyFile[" + keys.size() + " keys]";
    }

    /**
     * When a key being rotated stops working: {@code overlap} from {@code now}, or its own expiry if sooner.
     *
     * @throws IllegalArgumentException when the key is revoked or expired already, or the overlap is negative
     */
    static Instant rotationEnd(StoredKey old, Duration overlap, Instant now) {
        Objects.requireNonNull(now, "now");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the rotation overlap cannot be negative");
        }
        if (old.revoked() || (old.expiresAt() != null && !now.isBefore(old.expiresAt()))) {
            throw new IllegalArgumentException("key " + old.id() + " is revoked or expired; create a new key instead");
        }
        Instant end = now.plus(overlap);
        return old.expiresAt() != null && old.expiresAt().isBefore(end) ? old.expiresAt() : end;
    }

    /** A new random key id, {@code k-} and 12 base62 characters (71 bits): unique without asking anyone. */
    static String randomId() {
        return "k-" + Base62.random(RANDOM, 12);
    }

    private StoredKey existing(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no key with id " + id));
    }

    private ApiKeyFile replaced(StoredKey old, StoredKey updated) {
        List<StoredKey> copy = new ArrayList<>(keys);
        copy.set(copy.indexOf(old), updated);
        return new ApiKeyFile(copy);
    }

    private String newId() {
        String id;
        do {
            id = randomId();
        } while (find(id).isPresent());
        return id;
    }

    /** Refuses a key whose id, plan, principal, scopes or hash break the file's rules. */
    static void check(StoredKey key) {
        String problem = KeyFields.problemWithId(key.id());
        problem = problem != null ? problem : KeyFields.problemWithPlan(key.plan());
        problem = problem != null ? problem : KeyFields.problemWithPrincipal(key.principal());
        for (String scope : key.scopes()) {
            problem = problem != null ? problem : KeyFields.problemWithScope(scope);
        }
        if (problem == null && key.sha256().length != KeyHash.LENGTH) {
            problem = "the hash must be a SHA-256, 32 bytes";
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * A key just made, with the file that now holds its hash.
     *
     * @param file   the new file, to be written
     * @param stored the stored form of the new key (its id, hash, plan...)
     * @param key    the key itself: show it once, never store or log it
     */
    public record Issued(ApiKeyFile file, StoredKey stored, String key) {
        /** Leaves the key out, so that printing an {@code Issued} cannot leak it. */
        @Override
        public String toString() {
            return "Issued[" + stored.id() + "]";
        }
    }
}
