package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A store that answers as told and records every hash it is asked for. */
final class RecordingStore implements ApiKeyStore {

    private final Function<byte[], Optional<StoredKey>> answer;
    final List<byte[]> asked = new ArrayList<>();

    RecordingStore(Function<byte[], Optional<StoredKey>> answer) {
        this.answer = answer;
    }

    static RecordingStore empty() {
        return new RecordingStore(hash -> Optional.empty());
    }

    @Override
    public Optional<StoredKey> findByHash(byte[] sha256) {
        asked.add(sha256.clone());
        return answer.apply(sha256);
    }
}
