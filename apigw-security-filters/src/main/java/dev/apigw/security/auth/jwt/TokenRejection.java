package dev.apigw.security.auth.jwt;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;

/**
 * Why a bearer token was refused, each with the 401 {@code invalid_credentials} problem the client receives
 * (CONTRACT §4) and its {@code WWW-Authenticate: Bearer ... error="invalid_token"} challenge (RFC 6750 §3.1).
 *
 * <p>The descriptions are fixed texts: they tell the client what to do about the token and never repeat any part of
 * it, nor name the key or rule that failed. The problems are built once, since rejections are the hot path of an
 * attack.
 */
enum TokenRejection {
    MULTIPLE_HEADERS("Send one Authorization header with one bearer token", "more than one Authorization header"),
    TOO_LONG("The access token is too long", "token over the length limit"),
    MALFORMED("The access token is malformed", "not a well-formed signed JWT"),
    UNSUPPORTED("The access token uses an algorithm or a feature that is not accepted",
            "alg not allowed or unfit for the key, unsigned, encrypted, compressed or critical header"),
    UNKNOWN_KEY("The access token was signed with an unknown key", "no key for this kid"),
    BAD_SIGNATURE("The access token signature is invalid", "signature does not verify"),
    EXPIRED("The access token expired", "exp passed"),
    NOT_YET_VALID("The access token is not valid yet", "nbf in the future"),
    ISSUED_IN_FUTURE("The access token was issued in the future", "iat in the future"),
    NO_EXPIRY("The access token has no expiry", "exp missing"),
    WRONG_ISSUER("The access token comes from an issuer that is not accepted", "iss does not match"),
    WRONG_AUDIENCE("The access token is not meant for this API", "aud does not match"),
    NO_SUBJECT("The access token has no subject", "sub missing"),
    INVALID("The access token is invalid", "token could not be verified");

    private static final String REALM = "api";
    /** The challenge of a request without any token (RFC 6750 §3: no error code). */
    static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";

    private final Decision.Reject decision;

    TokenRejection(String description, String note) {
        this.decision = Decision.reject(Problem.of(401, "invalid_credentials", description)
                .withHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                        + "error_description=\"" + description + "\"")
                .withInternalNote("jwt: " + note));
    }

    /** The rejection, ready to return. */
    Decision.Reject decision() {
        return decision;
    }

    /** The answer to a request that carries no token at all (RFC 6750 §3.1: no error code). */
    static Decision.Reject unauthenticated() {
        return Decision.reject(Problem.of(401, "unauthenticated", "Send an access token as Authorization: Bearer")
                .withHeader("WWW-Authenticate", CHALLENGE));
    }
}
