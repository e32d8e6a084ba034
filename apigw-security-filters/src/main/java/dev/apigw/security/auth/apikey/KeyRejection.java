package dev.apigw.security.auth.apikey;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;

/**
 * Why an API key was refused, each with the 401 {@code invalid_credentials} problem the client receives (CONTRACT
 * §4).
 *
 * <p>An unknown, revoked or expired key gets the same detail, so that a client cannot learn which keys exist or once
 * existed; only the internal note, for the audit record, tells them apart, and names at most the key's id. No detail
 * repeats any part of the key. The fixed rejections are built once, since rejections are the hot path of an attack.
 */
final class KeyRejection {

    /** The scheme of the {@code WWW-Authenticate} challenge; not registered, but RFC 9110 §11.6.1 wants one on 401. */
    static final String CHALLENGE = "ApiKey realm=\"api\"";

    private static final String NOT_VALID = "The API key is not valid";

    static final Decision.Reject TOO_LONG = reject(NOT_VALID, "apiKey: key over the length limit");
    static final Decision.Reject MALFORMED = reject(NOT_VALID, "apiKey: not a well-formed key");
    static final Decision.Reject BAD_CHECKSUM = reject(NOT_VALID, "apiKey: prefixed key with a wrong checksum");
    static final Decision.Reject UNKNOWN = reject(NOT_VALID, "apiKey: no key with this hash");
    static final Decision.Reject HASH_MISMATCH = reject(NOT_VALID, "apiKey: store answered a different hash");
    static final Decision.Reject STORE_FAILED = reject(NOT_VALID, "apiKey: key store failed");

    private KeyRejection() {
    }

    static Decision.Reject multiple(String header) {
        return reject("Send one " + header + " header", "apiKey: more than one " + header + " header");
    }

    static Decision.Reject revoked(String keyId) {
        return reject(NOT_VALID, "apiKey: key " + printable(keyId) + " revoked");
    }

    static Decision.Reject expired(String keyId) {
        return reject(NOT_VALID, "apiKey: key " + printable(keyId) + " expired");
    }

    static Decision.Reject unauthenticated(String header) {
        return Decision.reject(Problem.of(401, "unauthenticated", "Send an API key in the " + header + " header")
                .withHeader("WWW-Authenticate", CHALLENGE));
    }

    // A database store may hold any id: keep the audit record on one line and short.
    private static String printable(String keyId) {
        String text = String.valueOf(keyId);
        return (text.length() > 64 ? text.substring(0, 64) : text).replaceAll("\\p{Cntrl}", "?");
    }

    private static Decision.Reject reject(String detail, String note) {
        return Decision.reject(Problem.of(401, "invalid_credentials", detail)
                .withHeader("WWW-Authenticate", CHALLENGE)
                .withInternalNote(note));
    }
}
