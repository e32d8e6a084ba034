package dev.apigw.security.auth.mtls;

import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.ip.CidrSet;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.TestCertificates;
import dev.apigw.security.testing.TestCertificates.Authority;
import dev.apigw.security.testing.TestCertificates.Issued;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Client certificates over the TLS session and from a trusted proxy's header, against a CA made in the test. */
class MtlsAuthenticatorTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Authority CA = TestCertificates.authority("Test Client CA", NOW);
    static final Authority OTHER_CA = TestCertificates.authority("Other CA", NOW);
    static final String PROXY = "10.0.0.5";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    static MtlsSettings.Builder settings() {
        return MtlsSettings.builder().trustedCertificates(List.of(CA.certificate()));
    }

    private MtlsAuthenticator authenticator(MtlsSettings settings) {
        return new MtlsAuthenticator(settings, CidrSet.parse(List.of("10.0.0.0/8")), clock);
    }

    private Decision overTls(List<X509Certificate> chain) {
        return authenticator(settings().build()).authenticate(exchange(FakeRequest.get("/a").clientCertificates(chain)));
    }

    private static FakeExchange exchange(FakeRequest.Builder request) {
        return FakeExchange.of(request.build());
    }

    private static void assertRejected(Decision d, String note) {
        assertThat(d).isInstanceOf(Decision.Reject.class);
        var problem = ((Decision.Reject) d).problem();
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.detail()).isEqualTo("The client certificate is not accepted.");
        assertThat(problem.internalNote()).startsWith("mtls: ").contains(note);
    }

    private static Identity identity(Decision d) {
        assertThat(d).isInstanceOf(Decision.Proceed.class);
        return ((Decision.Proceed) d).identity();
    }

    @Test
    void acceptsAClientCertificateOfTheTrustedCa() throws Exception {
        Issued alice = CA.client("alice", NOW).build();
        Identity id = identity(overTls(alice.chain()));
        assertThat(id.principal()).isEqualTo("alice");
        assertThat(id.authMethod()).isEqualTo("mtls");
        String fingerprint = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(alice.certificate().getEncoded()));
        assertThat(id.claims()).containsEntry("subject", "CN=alice").containsEntry("issuer", "CN=Test Client CA")
                .containsEntry("serial", alice.certificate().getSerialNumber().toString(16))
                .containsEntry("fingerprint", fingerprint);
    }

    @Test
    void rejectsExpiredCertificate() {
        Issued expired = CA.client("alice", NOW).validity(NOW.minus(Duration.ofDays(60)), NOW.minusSeconds(1)).build();
        assertRejected(overTls(expired.chain()), "expired");
    }

    @Test
    void rejectsNotYetValidCertificate() {
        Issued future = CA.client("alice", NOW).validity(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(30))).build();
        assertRejected(overTls(future.chain()), "not valid yet");
    }

    @Test
    void rejectsServerOnlyExtendedKeyUsage() {
        Issued server = CA.client("alice", NOW).extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).build();
        assertRejected(overTls(server.chain()), "clientAuth");
    }

    @Test
    void rejectsKeyUsageWithoutDigitalSignature() {
        Issued encipherOnly = CA.client("alice", NOW).keyUsage(KeyUsage.keyEncipherment).build();
        assertRejected(overTls(encipherOnly.chain()), "digitalSignature");
    }

    @Test
    void acceptsCertificateWithoutUsageExtensions() {
        Issued plain = CA.client("alice", NOW).keyUsage(null).extendedKeyUsage().build();
        assertThat(identity(overTls(plain.chain())).principal()).isEqualTo("alice");
    }

    @Test
    void rejectsCertificateOfAnotherCa() {
        assertRejected(overTls(OTHER_CA.client("alice", NOW).build().chain()), "truststore");
    }

    @Test
    void rejectsAnotherCasCertificateThatCopiesTheTrustedIssuerName() {
        Authority impostor = TestCertificates.authority("Test Client CA", NOW);
        assertRejected(overTls(impostor.client("alice", NOW).build().chain()), "truststore");
    }

    @Test
    void rejectsCaCertificatesAsClients() {
        assertRejected(overTls(List.of(CA.certificate())), "CA certificate");
        Issued caLeaf = CA.client("sub-ca", NOW).ca(true).build();
        assertRejected(overTls(caLeaf.chain()), "CA certificate");
    }

    @Test
    void followsIntermediatesInAnyOrderAndIgnoresExtras() {
        Authority issuing = CA.intermediate("Issuing CA", NOW);
        Issued bob = issuing.client("bob", NOW).build();
        assertThat(identity(overTls(bob.chain())).principal()).isEqualTo("bob");
        X509Certificate unrelated = OTHER_CA.certificate();
        var shuffled = List.of(bob.certificate(), unrelated, CA.certificate(), issuing.certificate());
        assertThat(identity(overTls(shuffled)).principal()).isEqualTo("bob");
        assertRejected(overTls(List.of(bob.certificate())), "truststore");
    }

    @Test
    void rejectsExpiredIntermediate() {
        Authority issuing = CA.intermediate("Issuing CA", NOW.minus(Duration.ofDays(400)));
        assertRejected(overTls(issuing.client("bob", NOW).build().chain()), "expired");
    }

    @Test
    void rejectsOverlongChainUnread() {
        Issued alice = CA.client("alice", NOW).build();
        List<X509Certificate> chain = new ArrayList<>(alice.chain());
        for (int i = 0; i < MtlsSettings.MAX_CHAIN_LENGTH; i++) {
            chain.add(OTHER_CA.certificate());
        }
        assertRejected(overTls(chain), "more than 8");
    }

    @Test
    void principalFromTheConfiguredSource() {
        Issued carol = CA.client("carol", NOW).subjectAltNames(new GeneralName(GeneralName.rfc822Name,
                "carol@example.com"), new GeneralName(GeneralName.dNSName, "carol.example.com")).build();
        var exchange = exchange(FakeRequest.get("/a").clientCertificates(carol.chain()));
        assertThat(identity(authenticator(settings().principalSource(PrincipalSource.FIRST_SAN).build())
                .authenticate(exchange)).principal()).isEqualTo("carol@example.com");
        assertThat(identity(authenticator(settings().principalSource(PrincipalSource.SUBJECT_DN).build())
                .authenticate(exchange)).principal()).isEqualTo("CN=carol");
        Issued noSan = CA.client("dave", NOW).build();
        assertRejected(authenticator(settings().principalSource(PrincipalSource.FIRST_SAN).build())
                .authenticate(exchange(FakeRequest.get("/a").clientCertificates(noSan.chain()))), "principal");
    }

    @Test
    void noCertificateIsNoCredential() {
        var auth = authenticator(settings().certificateHeader("X-Client-Cert").build());
        assertThat(auth.credentialPresent(exchange(FakeRequest.get("/a").secure(true)))).isFalse();
        assertThat(auth.credentialPresent(exchange(FakeRequest.get("/a").peer(PROXY)))).isFalse();
        assertThat(auth.credentialPresent(exchange(FakeRequest.get("/a").peer(PROXY).header("X-Client-Cert", " "))))
                .isFalse();
    }
}
