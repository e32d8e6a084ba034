package dev.apigw.security.auth.jwt;

import java.util.concurrent.atomic.AtomicInteger;

/** A key source that counts its lookups, each one a token that went through the signature check. */
final class RecordingKeySource implements KeySource {

    private final KeySource keys;
    private final AtomicInteger lookups = new AtomicInteger();

    RecordingKeySource(KeySource keys) {
        this.keys = keys;
    }

    int lookups() {
        return lookups.get();
    }

    @Override
    public VerificationKey find(String kid) {
        lookups.incrementAndGet();
        return keys.find(kid);
    }

    @Override
    public Object currentKeySet() {
        return keys.currentKeySet();
    }

    @Override
    public void close() {
        keys.close();
    }
}
