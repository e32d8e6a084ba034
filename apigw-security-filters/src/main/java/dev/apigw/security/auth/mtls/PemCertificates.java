package dev.apigw.security.auth.mtls;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads X.509 certificates from PEM text (RFC 7468 §5): a CA bundle or a forwarded client chain.
 *
 * <p>Text outside the blocks is explanatory and skipped (§2), so bundles with {@code # Issuer:} lines load; a PEM block
 * of another kind (a private key, say) is refused, since it has no business in a truststore or a header. The base64 is
 * decoded strictly after removing white space, and at most {@code max} certificates are read.
 */
final class PemCertificates {

    private static final String BEGIN = "-----BEGIN ";
    private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
    private static final String END_CERTIFICATE = "-----END CERTIFICATE-----";

    private PemCertificates() {
    }

    /** The certificates in order; refuses text with none, more than {@code max}, or a block that does not decode. */
    static List<X509Certificate> parse(String pem, int max) {
        List<X509Certificate> certificates = new ArrayList<>();
        int position = pem.indexOf(BEGIN);
        while (position >= 0) {
            if (!pem.startsWith(BEGIN_CERTIFICATE, position)) {
                throw new IllegalArgumentException("holds a PEM block that is not a CERTIFICATE"
                        + " (only CA certificates belong here, never a key)");
            }
            int body = position + BEGIN_CERTIFICATE.length();
            int end = pem.indexOf(END_CERTIFICATE, body);
            if (end < 0) {
                throw new IllegalArgumentException("has a certificate block without its END line");
            }
            if (certificates.size() == max) {
                throw new IllegalArgumentException("holds more than " + max + " certificates");
            }
            certificates.add(certificate(pem.substring(body, end)));
            position = pem.indexOf(BEGIN, end + END_CERTIFICATE.length());
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no certificate (write PEM blocks: -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static X509Certificate certificate(String base64) {
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a certificate block that is not valid base64");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("has a certificate block that is not an X.509 certificate");
        }
    }
}
