package dev.apigw.security.auth.apikey;

import dev.apigw.security.Decision;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A key file in a temporary folder, its store and an authenticator over it, all on one mutable clock. */
final class KeyFileFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final Path file;
    ApiKeyFile content;
    final FileApiKeyStore store;
    final ApiKeyAuthenticator authenticator;

    KeyFileFixture(Path folder, ApiKeyFile initial) {
        try {
            this.file = folder.resolve("keys.json");
            this.content = initial;
            initial.write(file);
            this.store = FileApiKeyStore.open(file, clock, FileApiKeyStore.DEFAULT_CHECK_INTERVAL);
            this.authenticator = ApiKeyAuthenticator.builder(store).clock(clock).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a key for partner-a on the gold plan, rewrites the file, moves the clock on by one check interval so the
     * store sees it, and answers the key.
     */
    String issue(Instant expiresAt) {
        ApiKeyFile.Issued issued = content.create("partner-a", "gold", List.of("pets:read"), expiresAt);
        rewrite(issued.file());
        advance(FileApiKeyStore.DEFAULT_CHECK_INTERVAL);
        return issued.key();
    }

    /** Replaces the file atomically, as the key commands do; the store sees it at its next check. */
    void rewrite(ApiKeyFile next) {
        try {
            next.write(file);
            content = next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String idOf(String key) {
        return store.findByHash(KeyHash.of(key)).orElseThrow().id();
    }

    Decision authenticate(String key) {
        return authenticator.authenticate(FakeExchange.of(FakeRequest.get("/pets").header("X-Api-Key", key).build()));
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    @Override
    public void close() {
        store.close();
    }
}
