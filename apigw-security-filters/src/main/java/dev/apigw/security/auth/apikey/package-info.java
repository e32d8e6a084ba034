/**
 * API key authentication (CONTRACT §3 {@code authentication.apiKeys}): {@link
 * dev.apigw.security.auth.apikey.ApiKeyAuthenticator} to check keys, {@link
 * dev.apigw.security.auth.apikey.FileApiKeyStore} and {@link dev.apigw.security.auth.apikey.JdbcApiKeyStore} to keep
 * their hashes, {@link dev.apigw.security.auth.apikey.ApiKeyFile} to edit the key file, {@link
 * dev.apigw.security.auth.apikey.JdbcApiKeyWriter} to edit the table, and {@link
 * dev.apigw.security.auth.apikey.ApiKeyFormat} for new keys. Everything else in the package is internal.
 *
 * <p>Keys travel only in a header, are stored only as SHA-256 hashes, are looked up by hash and compared in constant
 * time, and never appear in a log, a problem or an identity (only their ids do).
 */
package dev.apigw.security.auth.apikey;
