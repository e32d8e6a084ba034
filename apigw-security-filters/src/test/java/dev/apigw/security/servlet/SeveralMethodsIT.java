package dev.apigw.security.servlet;

import dev.apigw.security.Secret;
import dev.apigw.security.auth.authorizer.AuthorizerSettings;
import dev.apigw.security.auth.authorizer.RecordingAuthorizer;
import dev.apigw.security.auth.jwt.JwtSettings;
import dev.apigw.security.auth.mtls.MtlsSettings;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.TestCertificates;
import dev.apigw.security.testing.TestCertificates.Authority;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route with {@code auth: [jwt, mtls, partner]} in real containers: the methods are tried in order, the first
 * credential present decides, and a present but invalid one fails the request instead of falling through (CONTRACT §3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralMethodsIT {

    private static final Instant NOW = Instant.now();
    private static final Authority CA = TestCertificates.authority("IT Client CA", NOW);
    private static final String ALICE = "X-Client-Cert: " + CA.client("alice", NOW).build().escapedPem();
    private static final String FORGED = "X-Client-Cert: "
            + TestCertificates.authority("Forger", NOW).client("alice", NOW).build().escapedPem();
    private static final String PARTNER = "X-Partner-Token: good-token";

    private ContainerPair containers;

    static GatewayConfig config() {
        return GatewayConfig.builder()
                .trustedProxies(List.of("127.0.0.1/32"))
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .jwt(JwtSettings.builder().issuer("https://issuer.example.com").audiences("pets-api")
                        .secret(Secret.of("0123456789abcdef0123456789abcdef")).algorithms("HS256").build())
                .mtls(MtlsSettings.builder().trustedCertificates(List.of(CA.certificate()))
                        .certificateHeader("X-Client-Cert").build())
                .authorizer(AuthorizerSettings.builder("partner").authorizer(new RecordingAuthorizer())
                        .identitySource(RecordingAuthorizer.TOKEN_SOURCE).build())
                .route(RouteConfig.builder("/pets").auth("jwt", "mtls", "partner").build())
                .build();
    }

    @BeforeAll
    void start() throws Exception {
        containers = ContainerPair.start(SeveralMethodsIT::config);
    }

    @AfterAll
    void stop() throws Exception {
        containers.close();
    }

    Stream<Arguments> containers() {
        return containers.arguments();
    }

    private static RawHttpClient.Response get(ContainerFixture c, String... headers) throws Exception {
        return new RawHttpClient(c.port()).get("/pets", headers);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void eachMethodAloneAuthenticates(ContainerFixture c) throws Exception {
        assertThat(get(c, ALICE).body()).contains("\"principal\":\"alice\"", "\"authMethod\":\"mtls\"");
        assertThat(get(c, PARTNER).body()).contains("\"principal\":\"partner-a\"", "\"authMethod\":\"partner\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void invalidCertificateDoesNotFallThroughToAValidAuthorizerToken(ContainerFixture c) throws Exception {
        var r = get(c, FORGED, PARTNER);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("\"reason\":\"invalid_credentials\"").doesNotContain("\"app\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void invalidBearerTokenDoesNotFallThroughToValidCertificateOrToken(ContainerFixture c) throws Exception {
        var r = get(c, "Authorization: Bearer x.y.z", ALICE, PARTNER);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(r.body()).doesNotContain("\"app\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void theFirstCredentialPresentDecidesEvenWhenALaterOneWouldFail(ContainerFixture c) throws Exception {
        var r = get(c, ALICE, "X-Partner-Token: wrong");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"authMethod\":\"mtls\"");
        assertThat(get(c, "X-Partner-Token: wrong").status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void noCredentialAtAllIsUnauthenticatedWithTheBearerChallenge(ContainerFixture c) throws Exception {
        var r = get(c);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("\"reason\":\"unauthenticated\"");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
