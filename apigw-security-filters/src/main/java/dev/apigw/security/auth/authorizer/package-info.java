/**
 * Custom authorizer plugins (CONTRACT §3 {@code authentication.authorizers}), like API Gateway's request authorizers:
 * {@link dev.apigw.security.auth.authorizer.AuthorizerSettings} to configure one and {@link
 * dev.apigw.security.auth.authorizer.AuthorizerAuthenticator} to run it. Everything else in the package is internal.
 *
 * <p>The plugin ({@link dev.apigw.security.CustomAuthorizer}) runs on a bounded pool with a time-out; its answers,
 * deny included, are cached per identity-source values. docs/authorizers.md explains how to write one.
 */
package dev.apigw.security.auth.authorizer;
