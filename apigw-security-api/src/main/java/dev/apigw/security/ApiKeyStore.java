package dev.apigw.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys are kept: only their SHA-256 hashes, never the keys themselves.
 *
 * <p>Implementations look a key up by its hash; the caller compares in constant time.
 */
public interface ApiKeyStore {

    /** The stored key with this SHA-256 hash, if any. */
    Optional<StoredKey> findByHash(byte[] sha256);

    /**
     * One stored key.
     *
     * @param id        the public id, safe to log
     * @param sha256    the SHA-256 hash of the key
     * @param plan      the usage plan
     * @param principal the principal the key authenticates as
     * @param scopes    the scopes it grants
     * @param expiresAt when it stops working, or {@code null}
     * @param revoked   whether it was revoked
     */
    record StoredKey(String id, byte[] sha256, String plan, String principal, List<String> scopes, Instant expiresAt,
                     boolean revoked) {
        public StoredKey {
            sha256 = sha256.clone();
            scopes = List.copyOf(scopes);
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StoredKey other && id.equals(other.id)
                    && java.security.MessageDigest.isEqual(sha256, other.sha256);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }

        @Override
        public String toString() {
            return "StoredKey[" + id + "]";
        }
    }
}
