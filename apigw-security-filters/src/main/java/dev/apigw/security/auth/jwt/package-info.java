/**
 * JWT bearer-token authentication (CONTRACT §3 {@code authentication.jwt}): {@link
 * dev.apigw.security.auth.jwt.JwtSettings} to configure it and {@link dev.apigw.security.auth.jwt.JwtAuthenticator}
 * to run it. Everything else in the package is internal.
 *
 * <p>Verification follows RFC 7519, RFC 7515 and the JWT best current practices of RFC 8725: an algorithm allow-list
 * bound to key types, no unsigned tokens, keys only from the configured JWKS or secret.
 */
package dev.apigw.security.auth.jwt;
