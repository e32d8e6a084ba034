package dev.apigw.security.auth.mtls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Validates a client chain (leaf first): PKIX path validation against the trust anchors at the clock's time (RFC 5280
 * §6.1, the JDK's {@code CertPathValidator}, so its disabled-algorithm constraints apply), then fitness of the leaf for
 * TLS client authentication.
 *
 * <p>Revocation is not checked: CRL and OCSP fetches would put network calls, and their failure modes, on the request
 * path. Deployments that need it keep certificates short-lived or let the TLS terminator check revocation.
 */
final class ChainValidator {

    /** id-kp-clientAuth (RFC 5280 §4.2.1.12). */
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;

    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCertificates;
    private final Clock clock;

    ChainValidator(Set<TrustAnchor> anchors, Set<X509Certificate> anchorCertificates, Clock clock) {
        this.anchors = anchors;
        this.anchorCertificates = anchorCertificates;
        this.clock = clock;
    }

    /** Why the chain is refused, or {@code null} when it is accepted. */
    CertificateRejection check(List<X509Certificate> chain) {
        CertificateRejection path = validatePath(chain);
        if (path != null) {
            return path;
        }
        X509Certificate leaf = chain.get(0);
        if (leaf.getBasicConstraints() >= 0) {
            return CertificateRejection.NOT_END_ENTITY;
        }
        return fitForClientAuth(leaf) ? null : CertificateRejection.WRONG_USAGE;
    }

    private CertificateRejection validatePath(List<X509Certificate> chain) {
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(ordered(chain)), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == BasicReason.EXPIRED) {
                return CertificateRejection.EXPIRED;
            }
            return e.getReason() == BasicReason.NOT_YET_VALID ? CertificateRejection.NOT_YET_VALID
                    : CertificateRejection.UNTRUSTED;
        } catch (GeneralSecurityException | RuntimeException e) {
            return CertificateRejection.UNTRUSTED;
        }
    }

    /**
     * The leaf, then each next issuer found among the presented certificates, whatever order the client sent them in
     * (RFC 8446 §4.4.2 allows any order after the leaf); a certificate of the truststore is left out, since PKIX
     * starts from the anchor, and unrelated extras are dropped.
     */
    private List<X509Certificate> ordered(List<X509Certificate> chain) {
        List<X509Certificate> rest = new ArrayList<>(chain.subList(1, chain.size()));
        List<X509Certificate> path = new ArrayList<>(chain.size());
        X509Certificate current = chain.get(0);
        path.add(current);
        while (!rest.isEmpty()) {
            X509Certificate issuer = issuerOf(current, rest);
            if (issuer == null || anchorCertificates.contains(issuer)) {
                break;
            }
            rest.remove(issuer);
            path.add(issuer);
            current = issuer;
        }
        return path;
    }

    private static X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> candidates) {
        if (certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return null;
        }
        for (X509Certificate c : candidates) {
            if (c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return c;
            }
        }
        return null;
    }

    /** keyUsage, where present, allows digitalSignature; extendedKeyUsage, where present, lists clientAuth. */
    private static boolean fitForClientAuth(X509Certificate leaf) {
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
            return false;
        }
        try {
            List<String> extended = leaf.getExtendedKeyUsage();
            return extended == null || extended.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
