package dev.apigw.security.auth.mtls;

import dev.apigw.security.Decision;
import dev.apigw.security.ip.CidrSet;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.TestCertificates.Issued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static dev.apigw.security.auth.mtls.MtlsAuthenticatorTest.CA;
import static dev.apigw.security.auth.mtls.MtlsAuthenticatorTest.NOW;
import static dev.apigw.security.auth.mtls.MtlsAuthenticatorTest.OTHER_CA;
import static dev.apigw.security.auth.mtls.MtlsAuthenticatorTest.PROXY;
import static org.assertj.core.api.Assertions.assertThat;

/** The certificate a TLS-terminating proxy forwards: believed only from trusted peers, read with limits. */
class ForwardedCertificateHeaderTest {

    private static final String HEADER = "X-Client-Cert";
    private static final Issued ALICE = CA.client("alice", NOW).build();

    private final MtlsAuthenticator auth = new MtlsAuthenticator(
            MtlsAuthenticatorTest.settings().certificateHeader(HEADER).build(),
            CidrSet.parse(List.of("10.0.0.0/8")), Clock.fixed(NOW, ZoneOffset.UTC));

    private static FakeExchange fromPeer(String peer, String... values) {
        FakeRequest.Builder b = FakeRequest.get("/a").peer(peer);
        for (String v : values) {
            b.header(HEADER, v);
        }
        return FakeExchange.of(b.build());
    }

    private static String principal(Decision d) {
        assertThat(d).as("decision").isInstanceOf(Decision.Proceed.class);
        return ((Decision.Proceed) d).identity().principal();
    }

    private static String note(Decision d) {
        assertThat(d).isInstanceOf(Decision.Reject.class);
        var p = ((Decision.Reject) d).problem();
        assertThat(p.status()).isEqualTo(401);
        return p.internalNote();
    }

    @Test
    void acceptsUrlEncodedPemFromATrustedProxy() {
        var exchange = fromPeer(PROXY, ALICE.escapedPem());
        assertThat(auth.credentialPresent(exchange)).isTrue();
        assertThat(principal(auth.authenticate(exchange))).isEqualTo("alice");
    }

    @Test
    void acceptsFormEncodedAndPlainPem() {
        String formEncoded = URLEncoder.encode(ALICE.pem(), StandardCharsets.UTF_8);
        assertThat(principal(auth.authenticate(fromPeer(PROXY, formEncoded)))).isEqualTo("alice");
        assertThat(principal(auth.authenticate(fromPeer(PROXY, ALICE.pem().replace('\n', ' ')))))
                .isEqualTo("alice");
    }

    @Test
    void ignoresTheHeaderFromAnUntrustedPeer() {
        var exchange = fromPeer("198.51.100.7", ALICE.escapedPem());
        assertThat(auth.credentialPresent(exchange)).isFalse();
    }

    @Test
    void neverTakesTheProxysOwnTlsCertificateForTheClient() {
        Issued proxyCert = CA.client("the-proxy", NOW).build();
        var noHeader = FakeExchange.of(FakeRequest.get("/a").clientCertificates(proxyCert.chain()).peer(PROXY).build());
        assertThat(auth.credentialPresent(noHeader)).isFalse();
        var withHeader = FakeExchange.of(FakeRequest.get("/a").clientCertificates(proxyCert.chain()).peer(PROXY)
                .header(HEADER, ALICE.escapedPem()).build());
        assertThat(principal(auth.authenticate(withHeader))).isEqualTo("alice");
    }

    @Test
    void usesTheTlsSessionOfAPeerThatIsNoProxy() {
        var direct = FakeExchange.of(FakeRequest.get("/a").clientCertificates(ALICE.chain()).peer("198.51.100.7")
                .header(HEADER, OTHER_CA.client("mallory", NOW).build().escapedPem()).build());
        assertThat(principal(auth.authenticate(direct))).isEqualTo("alice");
    }

    @Test
    void forwardedCertificateIsValidatedLikeAnyOther() {
        assertThat(note(auth.authenticate(fromPeer(PROXY, OTHER_CA.client("mallory", NOW).build().escapedPem()))))
                .contains("truststore");
    }

    @Test
    void twoCertificateHeadersAreRefused() {
        assertThat(note(auth.authenticate(fromPeer(PROXY, ALICE.escapedPem(), ALICE.escapedPem()))))
                .contains("more than one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%zz", "%4", "-----BEGIN CERTIFICATE-----AAAA-----END CERTIFICATE-----",
            "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\nMIIB",
            "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", "%C3%A9", "é"})
    void malformedHeaderIsInvalidCredentials(String value) {
        assertThat(note(auth.authenticate(fromPeer(PROXY, value)))).contains("could not be read");
    }

    @Test
    void oversizedHeaderIsRefusedUnread() {
        String big = ALICE.escapedPem() + "%0A".repeat(MtlsSettings.DEFAULT_MAX_HEADER_LENGTH);
        assertThat(note(auth.authenticate(fromPeer(PROXY, big)))).contains("could not be read");
    }

    @Test
    void mutatedHeadersNeverThrowAndNeverAuthenticateAnyoneElse() {
        Random random = new Random(42);
        String good = ALICE.escapedPem();
        for (int i = 0; i < 300; i++) {
            char[] chars = good.toCharArray();
            for (int k = 0; k <= random.nextInt(4); k++) {
                chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
            }
            Decision d = auth.authenticate(fromPeer(PROXY, new String(chars)));
            if (d instanceof Decision.Proceed p) {
                assertThat(p.identity().principal()).isEqualTo("alice");
            } else {
                assertThat(((Decision.Reject) d).problem().status()).isEqualTo(401);
            }
        }
    }
}
