package dev.apigw.security.servlet;

import dev.apigw.security.auth.mtls.MtlsSettings;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.TestCertificates;
import dev.apigw.security.testing.TestCertificates.Authority;
import dev.apigw.security.testing.TestCertificates.Issued;
import dev.apigw.security.transport.TransportPolicy;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutual TLS over a real TLS connection to Jetty 12, with certificates made in the test; and the certificate header
 * of a TLS-terminating proxy, believed from a trusted peer only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsIT {

    private static final Instant NOW = Instant.now();
    private static final Authority CA = TestCertificates.authority("IT Client CA", NOW);
    private static final Authority OTHER_CA = TestCertificates.authority("IT Other CA", NOW);
    private static final Issued ALICE = CA.client("alice", NOW).build();

    private ContainerFixture tls;

    static GatewayConfig config(List<String> trustedProxies, boolean requireHttps) {
        return GatewayConfig.builder()
                .trustedProxies(trustedProxies)
                .transport(TransportPolicy.builder().requireHttps(requireHttps).build())
                .mtls(MtlsSettings.builder().trustedCertificates(List.of(CA.certificate()))
                        .certificateHeader("X-Client-Cert").build())
                .route(RouteConfig.builder("/whoami").auth("mtls").build())
                .build();
    }

    @BeforeAll
    void start() throws Exception {
        Issued server = CA.server(NOW);
        tls = ContainerFixture.jettyTls(new ApigwSecurityFilter(config(List.of("10.0.0.0/8"), true)),
                TlsClient.keyStore(server), new String(TlsClient.PASSWORD));
    }

    @AfterAll
    void stop() throws Exception {
        tls.close();
    }

    private HttpResponse<String> overTls(Issued clientCertificate) throws Exception {
        return new TlsClient(tls.port(), CA.certificate(), clientCertificate).get("/whoami?claim=issuer");
    }

    @Test
    void trustedClientCertificateReachesTheApplication() throws Exception {
        var r = overTls(ALICE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"principal\":\"alice\"", "\"authMethod\":\"mtls\"",
                "\"claim\":\"CN=IT Client CA\"");
    }

    @Test
    void certificateOfAnotherCaIs401() throws Exception {
        assertInvalid(overTls(OTHER_CA.client("alice", NOW).build()));
    }

    @Test
    void expiredCertificateIs401() throws Exception {
        assertInvalid(overTls(CA.client("alice", NOW)
                .validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))).build()));
    }

    @Test
    void serverOnlyCertificateIs401() throws Exception {
        assertInvalid(overTls(CA.client("alice", NOW).extendedKeyUsage(KeyPurposeId.id_kp_serverAuth).build()));
    }

    @Test
    void noClientCertificateIsUnauthenticated() throws Exception {
        var r = overTls(null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"reason\":\"unauthenticated\"").doesNotContain("\"app\"");
    }

    @Test
    void certificateHeaderFromATrustedProxyIsAccepted() throws Exception {
        try (ContainerFixture c = ContainerFixture.jetty(
                new ApigwSecurityFilter(config(List.of("127.0.0.1/32"), false)))) {
            var r = new RawHttpClient(c.port()).get("/whoami", "X-Client-Cert: " + ALICE.escapedPem());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("\"principal\":\"alice\"", "\"authMethod\":\"mtls\"");
            var forged = new RawHttpClient(c.port()).get("/whoami",
                    "X-Client-Cert: " + OTHER_CA.client("alice", NOW).build().escapedPem());
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.body()).contains("\"reason\":\"invalid_credentials\"");
        }
    }

    @Test
    void certificateHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        try (ContainerFixture c = ContainerFixture.jetty(
                new ApigwSecurityFilter(config(List.of("10.0.0.0/8"), false)))) {
            var r = new RawHttpClient(c.port()).get("/whoami", "X-Client-Cert: " + ALICE.escapedPem());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).contains("\"reason\":\"unauthenticated\"").doesNotContain("\"app\"");
        }
    }

    private static void assertInvalid(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"reason\":\"invalid_credentials\"",
                "\"detail\":\"The client certificate is not accepted.\"").doesNotContain("\"app\"");
    }
}
