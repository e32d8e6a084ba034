package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.security.SecurityException;

/**
 * Thrown by {@link JwtKeyLocator} inside jjwt's parser to carry the precise reason out of it; never leaves
 * {@link JwtAuthenticator}.
 */
final class KeyLookupException extends SecurityException {

    private static final long serialVersionUID = 1L;

    private final transient TokenRejection rejection;

    KeyLookupException(TokenRejection rejection) {
        super(rejection.name());
        this.rejection = rejection;
    }

    TokenRejection rejection() {
        return rejection;
    }
}
