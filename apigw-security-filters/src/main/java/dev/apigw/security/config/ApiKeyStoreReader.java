package dev.apigw.security.config;

import dev.apigw.security.ApiKeyStore;
import dev.apigw.security.auth.apikey.ApiKeyAuthenticator;
import dev.apigw.security.auth.apikey.ApiKeySettings;
import dev.apigw.security.auth.apikey.FileApiKeyStore;
import dev.apigw.security.auth.apikey.JdbcApiKeyStore;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Maps {@code authentication.apiKeys} and opens its store at start-up, so a missing or malformed key file stops
 * start-up at its pointer instead of failing the first request.
 */
final class ApiKeyStoreReader {

    private ApiKeyStoreReader() {
    }

    static ApiKeySettings read(ConfigNode n, Path baseDirectory) {
        String header = n.get("header").present() ? n.get("header").text() : ApiKeyAuthenticator.DEFAULT_HEADER;
        ConfigNode store = n.get("store");
        if (!store.present()) {
            throw n.error("apiKeys needs a store (write store: { type: file, path: keys.json }"
                    + " or { type: jdbc, url: ..., table: apigw_api_keys })");
        }
        return new ApiKeySettings(header, open(store, baseDirectory));
    }

    private static ApiKeyStore open(ConfigNode store, Path baseDirectory) {
        if ("jdbc".equals(store.get("type").text())) {
            JdbcApiKeyStore.Builder b = JdbcApiKeyStore.builder(store.get("url").text(), null, null);
            if (store.get("table").present()) {
                store.get("table").build(() -> b.table(store.get("table").text()));
            }
            return store.build(b::build);
        }
        ConfigNode path = store.get("path");
        Path file = baseDirectory.resolve(path.text());
        try {
            return path.build(() -> openFile(file));
        } catch (java.io.UncheckedIOException e) {
            throw path.error("the key file cannot be read (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (dev.apigw.security.auth.apikey.ApiKeyFileException e) {
            // Its message names the pointer inside the key file and never a key or a hash.
            throw path.error(e.getMessage());
        }
    }

    private static FileApiKeyStore openFile(Path file) {
        try {
            return FileApiKeyStore.open(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
