/**
 * Authentication methods and authorization: {@link dev.apigw.security.auth.ScopeAuthorization} here, one
 * sub-package per credential ({@code jwt}, later {@code apikey}, {@code mtls}, {@code authorizer}).
 */
package dev.apigw.security.auth;
