package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore;

import java.util.Objects;

/**
 * The {@code authentication.apiKeys} section: the header that carries the key and the store that holds the hashes.
 *
 * <p>The store is live (a file store re-reads its file, a JDBC store keeps a connection); the chain closes it with
 * itself when it is {@link AutoCloseable}.
 *
 * @param header the request header, {@code X-Api-Key} by default; keys are never read from the query string
 * @param store  where the hashes are kept
 */
public record ApiKeySettings(String header, ApiKeyStore store) {

    public ApiKeySettings {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(store, "store");
    }

    /** Settings with the default header. */
    public static ApiKeySettings of(ApiKeyStore store) {
        return new ApiKeySettings(ApiKeyAuthenticator.DEFAULT_HEADER, store);
    }
}
