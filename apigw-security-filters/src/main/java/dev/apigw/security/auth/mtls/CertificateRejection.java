package dev.apigw.security.auth.mtls;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;

/**
 * Why a client certificate was refused: every reason is the same 401 {@code invalid_credentials} for the client
 * (CONTRACT §4 "bad certificate"), which learns nothing about the truststore or the check that failed; the reason goes
 * to the audit record as the internal note. Built once, since rejections are the hot path of an attack.
 */
enum CertificateRejection {
    MALFORMED("the forwarded certificate header could not be read"),
    MULTIPLE_HEADERS("more than one certificate header"),
    CHAIN_TOO_LONG("the chain holds more than " + MtlsSettings.MAX_CHAIN_LENGTH + " certificates"),
    UNTRUSTED("the chain does not lead to a certificate of the truststore"),
    EXPIRED("a certificate of the chain expired"),
    NOT_YET_VALID("a certificate of the chain is not valid yet"),
    WRONG_USAGE("keyUsage without digitalSignature, or extendedKeyUsage without clientAuth"),
    NOT_END_ENTITY("the client certificate is a CA certificate"),
    NO_PRINCIPAL("the certificate has no value for the configured principal source");

    private static final String DETAIL = "The client certificate is not accepted.";

    private final Decision.Reject decision;

    CertificateRejection(String note) {
        this.decision = Decision.reject(Problem.of(401, "invalid_credentials", DETAIL).withInternalNote("mtls: " + note));
    }

    /** The rejection, ready to return. */
    Decision.Reject decision() {
        return decision;
    }
}
