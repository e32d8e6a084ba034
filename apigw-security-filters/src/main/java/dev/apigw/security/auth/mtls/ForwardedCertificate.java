package dev.apigw.security.auth.mtls;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the client chain that a TLS-terminating proxy forwards in a header: URL-encoded PEM, as nginx writes
 * {@code $ssl_client_escaped_cert} and AWS ALB writes {@code X-Amzn-Mtls-Clientcert}; plain PEM is read too.
 *
 * <p>Only {@code %XX} escapes are decoded. A {@code +} stays a {@code +}: it is a base64 character, and treating it as
 * a space (form encoding) would corrupt the certificate; only in the BEGIN and END lines is it read as a space. The length is checked before any decoding, so an oversized
 * value costs nothing.
 */
final class ForwardedCertificate {

    private ForwardedCertificate() {
    }

    /** The chain in the header value, leaf first; refuses a value over {@code maxLength} characters or malformed. */
    static List<X509Certificate> read(String value, int maxLength, int maxCertificates) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("the certificate header is longer than " + maxLength + " characters");
        }
        // Form encoders write the markers' space as '+'; in the base64 between them '+' is data and stays.
        String pem = percentDecoded(value).replace("-----BEGIN+CERTIFICATE-----", "-----BEGIN CERTIFICATE-----")
                .replace("-----END+CERTIFICATE-----", "-----END CERTIFICATE-----");
        return PemCertificates.parse(pem, maxCertificates);
    }

    private static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] out = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || !HexFormat.isHexDigit(value.charAt(i + 1))
                        || !HexFormat.isHexDigit(value.charAt(i + 2))) {
                    throw new IllegalArgumentException("the certificate header has a broken %-escape");
                }
                c = (char) (HexFormat.fromHexDigit(value.charAt(i + 1)) << 4 | HexFormat.fromHexDigit(value.charAt(i + 2)));
                i += 2;
            }
            if (c > 0x7e) {
                throw new IllegalArgumentException("the certificate header is not ASCII");
            }
            out[n++] = (byte) c;
        }
        return new String(out, 0, n, StandardCharsets.US_ASCII);
    }
}
