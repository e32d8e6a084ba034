package dev.apigw.security.testing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Certificates made in the test with Bouncy Castle: CAs, client and server certificates, EC P-256 keys. */
public final class TestCertificates {

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private TestCertificates() {
    }

    /** A self-signed root CA valid from a year before {@code now} to ten years after. */
    public static Authority authority(String cn, Instant now) {
        KeyPair keys = keyPair();
        X509Certificate cert = sign(new X500Name("CN=" + cn), keys, new X500Name("CN=" + cn), keys.getPublic(),
                now.minus(Duration.ofDays(365)), now.plus(Duration.ofDays(3650)), true, null, null, null);
        return new Authority(cert, keys, List.of());
    }

    /** A certificate and its key; {@code chain} is the leaf followed by the intermediates that issued it. */
    public record Issued(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {
        /** The chain as PEM. */
        public String pem() {
            return TestCertificates.pem(chain.toArray(X509Certificate[]::new));
        }

        /** The chain as URL-encoded PEM, the way nginx's {@code $ssl_client_escaped_cert} writes it. */
        public String escapedPem() {
            return URLEncoder.encode(pem(), StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** A CA that issues certificates. */
    public static final class Authority {
        private final X509Certificate certificate;
        private final KeyPair keys;
        private final List<X509Certificate> chainAbove;

        private Authority(X509Certificate certificate, KeyPair keys, List<X509Certificate> chainAbove) {
            this.certificate = certificate;
            this.keys = keys;
            this.chainAbove = chainAbove;
        }

        public X509Certificate certificate() {
            return certificate;
        }

        /** A client certificate for {@code cn}, by default valid around {@code now} and fit for client auth. */
        public LeafBuilder client(String cn, Instant now) {
            return new LeafBuilder(this, "CN=" + cn, now).extendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
        }

        /** A server certificate for localhost and 127.0.0.1. */
        public Issued server(Instant now) {
            return new LeafBuilder(this, "CN=localhost", now).extendedKeyUsage(KeyPurposeId.id_kp_serverAuth)
                    .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                    .subjectAltNames(new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"))
                    .build();
        }

        /** An intermediate CA issued by this one. */
        public Authority intermediate(String cn, Instant now) {
            KeyPair k = keyPair();
            X509Certificate cert = sign(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    keys, new X500Name("CN=" + cn), k.getPublic(), now.minus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(365)), true, null, null, null);
            List<X509Certificate> above = new ArrayList<>();
            above.add(cert);
            above.addAll(chainAbove);
            return new Authority(cert, k, above);
        }
    }

    /** Builds a leaf certificate. */
    public static final class LeafBuilder {
        private final Authority issuer;
        private final String subject;
        private Instant notBefore;
        private Instant notAfter;
        private Integer keyUsage = KeyUsage.digitalSignature;
        private KeyPurposeId[] extendedKeyUsage;
        private GeneralName[] subjectAltNames;
        private boolean ca;

        private LeafBuilder(Authority issuer, String subject, Instant now) {
            this.issuer = issuer;
            this.subject = subject;
            this.notBefore = now.minus(Duration.ofDays(1));
            this.notAfter = now.plus(Duration.ofDays(30));
        }

        public LeafBuilder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** Key usage bits, or {@code null} for no extension. */
        public LeafBuilder keyUsage(Integer bits) {
            this.keyUsage = bits;
            return this;
        }

        /** Extended key usages; none for no extension. */
        public LeafBuilder extendedKeyUsage(KeyPurposeId... purposes) {
            this.extendedKeyUsage = purposes.length == 0 ? null : purposes;
            return this;
        }

        public LeafBuilder subjectAltNames(GeneralName... names) {
            this.subjectAltNames = names;
            return this;
        }

        public LeafBuilder ca(boolean value) {
            this.ca = value;
            return this;
        }

        public Issued build() {
            KeyPair k = keyPair();
            X509Certificate cert = sign(X500Name.getInstance(issuer.certificate.getSubjectX500Principal().getEncoded()),
                    issuer.keys, new X500Name(subject), k.getPublic(), notBefore, notAfter, ca, keyUsage,
                    extendedKeyUsage, subjectAltNames);
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            chain.addAll(issuer.chainAbove);
            return new Issued(cert, k.getPrivate(), List.copyOf(chain));
        }
    }

    /** PEM blocks of the certificates, 64 characters a line (RFC 7468). */
    public static String pem(X509Certificate... certificates) {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509Certificate c : certificates) {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject,
                                        java.security.PublicKey subjectKey, Instant from, Instant to, boolean ca,
                                        Integer keyUsage, KeyPurposeId[] eku, GeneralName[] sans) {
        try {
            var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(from), Date.from(to), subject, subjectKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else if (keyUsage != null) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (eku != null) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
            }
            if (sans != null) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
