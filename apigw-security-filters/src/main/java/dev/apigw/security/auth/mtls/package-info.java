/**
 * Mutual TLS authentication (CONTRACT §3 {@code authentication.mtls}): {@link
 * dev.apigw.security.auth.mtls.MtlsSettings} to configure it and {@link
 * dev.apigw.security.auth.mtls.MtlsAuthenticator} to run it. Everything else in the package is internal.
 *
 * <p>The client certificate comes from the container's TLS session, or from a header written by a trusted proxy that
 * terminated TLS; it is validated as RFC 5280 §6 describes (PKIX, through the JDK's {@code CertPathValidator}) against
 * the configured CA bundle, and must be fit for TLS client authentication (RFC 5280 §4.2.1.3, §4.2.1.12).
 */
package dev.apigw.security.auth.mtls;
