package dev.apigw.security.auth.authorizer;

/** A plugin call that gave no answer (it threw, timed out, or the pool was full); the message is for the audit note. */
final class AuthorizerFailure extends Exception {

    private static final long serialVersionUID = 1L;

    AuthorizerFailure(String note) {
        super(note, null, false, false);
    }
}
