package dev.apigw.security.auth.jwt;

/**
 * A JWKS fetch that failed, with a message safe to log: it names what went wrong, never document content.
 */
final class JwksFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JwksFetchException(String message) {
        super(message, null, false, false);
    }
}
