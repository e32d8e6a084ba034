package dev.apigw.security.lint;

import dev.apigw.security.ApiKeyStore.StoredKey;

/** The rules about the API key file store (a JDBC store is not read: the linter does not connect to databases). */
final class KeyChecks {

    private static final String PATH = Subject.KEY_STORE + "/path";

    private KeyChecks() {
    }

    static void apiKeyWithoutExpiry(Subject s, Hits hits) {
        s.keyFile().filter(read -> read.file() != null).ifPresent(read -> {
            for (StoredKey key : read.file().keys()) {
                if (key.expiresAt() == null && !key.revoked()) {
                    String owner = key.principal().equals(key.id()) ? "" : " of " + key.principal();
                    hits.add(PATH, "key " + key.id() + owner + " in " + read.path() + " never expires");
                }
            }
        });
    }

    static void apiKeyFileUnreadable(Subject s, Hits hits) {
        s.keyFile().filter(read -> read.file() == null).ifPresent(read ->
                hits.add(PATH, "the key file " + read.path() + " was not checked: " + read.problem()));
    }
}
