package dev.apigw.security.auth.mtls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration of mutual TLS ({@code authentication.mtls} in CONTRACT §3): the CAs whose client certificates are
 * accepted, the header a TLS-terminating proxy forwards the certificate in, and where the principal is read.
 *
 * <p>Immutable. The truststore is read and checked when it is set, so a missing or broken file stops start-up with a
 * precise message. Without {@code certificateHeader} the certificate always comes from the container's TLS session.
 */
public final class MtlsSettings {

    /** The most certificates read from one chain: real chains have two or three. */
    public static final int MAX_CHAIN_LENGTH = 8;
    /** 32 KiB: a URL-encoded chain of several RSA-4096 certificates fits; a longer header is refused unread. */
    public static final int DEFAULT_MAX_HEADER_LENGTH = 32 * 1024;
    /** 4 MiB: larger than any sensible CA bundle (Mozilla's whole bundle is about 230 KiB). */
    public static final int MAX_TRUSTSTORE_BYTES = 4 * 1024 * 1024;
    private static final int MAX_TRUSTSTORE_CERTIFICATES = 1000;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final List<X509Certificate> trusted;
    private final Set<TrustAnchor> anchors;
    private final String certificateHeader;
    private final PrincipalSource principalSource;
    private final int maxHeaderLength;

    private MtlsSettings(Builder b) {
        this.trusted = List.copyOf(b.trusted);
        Set<TrustAnchor> set = new LinkedHashSet<>();
        trusted.forEach(c -> set.add(new TrustAnchor(c, null)));
        this.anchors = Set.copyOf(set);
        this.certificateHeader = b.certificateHeader;
        this.principalSource = b.principalSource;
        this.maxHeaderLength = b.maxHeaderLength;
    }

    /** Starts the settings; a truststore is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The accepted CA certificates. */
    public List<X509Certificate> trustedCertificates() {
        return trusted;
    }

    Set<TrustAnchor> trustAnchors() {
        return anchors;
    }

    /** The header a trusted proxy forwards the client certificate in, or {@code null}: the TLS session only. */
    public String certificateHeader() {
        return certificateHeader;
    }

    /** Where the principal is read; default {@link PrincipalSource#SUBJECT_CN}. */
    public PrincipalSource principalSource() {
        return principalSource;
    }

    /** The longest certificate header read, in characters. */
    public int maxHeaderLength() {
        return maxHeaderLength;
    }

    @Override
    public String toString() {
        return "MtlsSettings[trusted CAs=" + trusted.size() + ", certificateHeader=" + certificateHeader
                + ", principal=" + principalSource + "]";
    }

    /** Builds {@link MtlsSettings}. */
    public static final class Builder {
        private List<X509Certificate> trusted = List.of();
        private String certificateHeader;
        private PrincipalSource principalSource = PrincipalSource.SUBJECT_CN;
        private int maxHeaderLength = DEFAULT_MAX_HEADER_LENGTH;

        private Builder() {
        }

        /** Reads the accepted CAs from a PEM bundle; refuses a missing, oversized or unreadable file at once. */
        public Builder truststore(Path pemFile) {
            byte[] bytes;
            try (InputStream in = Files.newInputStream(pemFile)) {
                bytes = in.readNBytes(MAX_TRUSTSTORE_BYTES + 1);
            } catch (IOException | SecurityException e) {
                throw new IllegalArgumentException("the truststore " + pemFile + " cannot be read ("
                        + e.getClass().getSimpleName() + "); write the path of a PEM bundle of CA certificates");
            }
            if (bytes.length > MAX_TRUSTSTORE_BYTES) {
                throw new IllegalArgumentException("the truststore " + pemFile + " is larger than "
                        + MAX_TRUSTSTORE_BYTES / (1024 * 1024) + " MiB; write a PEM bundle of the accepted CAs only");
            }
            try {
                return trustedCertificates(PemCertificates.parse(new String(bytes, StandardCharsets.US_ASCII),
                        MAX_TRUSTSTORE_CERTIFICATES));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the truststore " + pemFile + " " + e.getMessage());
            }
        }

        /** The accepted CA certificates, for code that has them already. */
        public Builder trustedCertificates(Collection<X509Certificate> certificates) {
            this.trusted = List.copyOf(certificates);
            return this;
        }

        /**
         * The header a trusted proxy forwards the client certificate in, URL-encoded PEM (nginx
         * {@code $ssl_client_escaped_cert}, AWS ALB {@code X-Amzn-Mtls-Clientcert}); {@code null}: none. The proxy
         * must set or remove it on every request, so that a client can never pass its own value through.
         */
        public Builder certificateHeader(String name) {
            this.certificateHeader = name;
            return this;
        }

        /** Where the principal is read; default the subject's CN. */
        public Builder principalSource(PrincipalSource source) {
            this.principalSource = Objects.requireNonNull(source, "principalSource");
            return this;
        }

        /** The longest certificate header read, in characters (1 KiB to 256 KiB). */
        public Builder maxHeaderLength(int length) {
            this.maxHeaderLength = length;
            return this;
        }

        /** Checks everything and builds the settings. */
        public MtlsSettings build() {
            if (trusted.isEmpty()) {
                throw new IllegalArgumentException("mtls needs a truststore: a PEM bundle of the CA certificates"
                        + " whose client certificates are accepted");
            }
            if (certificateHeader != null && !HEADER_NAME.matcher(certificateHeader).matches()) {
                throw new IllegalArgumentException("certificateHeader must be a header name such as X-Client-Cert");
            }
            if (maxHeaderLength < 1024 || maxHeaderLength > 256 * 1024) {
                throw new IllegalArgumentException("maxHeaderLength must be from 1024 to 262144, not "
                        + maxHeaderLength);
            }
            return new MtlsSettings(this);
        }
    }
}
