package dev.apigw.security.servlet;

import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.ip.IpPolicy;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole filter in a real Jetty 12 and a real Tomcat 10.1, spoken to over real sockets: the same answers from both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityFilterIT {

    private static final String HTTPS = "X-Forwarded-Proto: https";

    private ContainerPair containers;

    static GatewayConfig config() {
        return GatewayConfig.builder()
                .trustedProxies(List.of("127.0.0.1/32", "::1"))
                .transport(TransportPolicy.builder().requireHttps(true)
                        .hsts(new TransportPolicy.Hsts(Duration.ofDays(365), true, false))
                        .rejectSecretsInQuery(List.of("access_token", "api_key"))
                        .build())
                .ipPolicy(IpPolicy.builder().deny("203.0.113.7").build())
                .authenticator(new TestTokenAuthenticator())
                .route(RouteConfig.builder("/health").publicRoute().build())
                .route(RouteConfig.builder("/pets").methods("GET").auth("test").scopes("pets:read").build())
                .route(RouteConfig.builder("/pets/{id}").methods("GET").auth("test").build())
                .route(RouteConfig.builder("/admin").auth("test").scopes("admin").build())
                .route(RouteConfig.builder("/internal").publicRoute()
                        .ipPolicy(IpPolicy.builder().allow("10.0.0.0/8").build()).build())
                .build();
    }

    @BeforeAll
    void start() throws Exception {
        containers = ContainerPair.start(SecurityFilterIT::config);
    }

    @AfterAll
    void stop() throws Exception {
        containers.close();
    }

    Stream<Arguments> containers() {
        return containers.arguments();
    }

    private RawHttpClient client(ContainerFixture c) {
        return new RawHttpClient(c.port());
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void publicRouteReachesTheApplicationWithRequestIdAndHsts(ContainerFixture c) throws Exception {
        var r = client(c).get("/health", HTTPS, "X-Request-Id: caller-id-1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"app\":\"reached\"");
        assertThat(r.header("X-Request-Id")).isEqualTo("caller-id-1");
        assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void malformedRequestIdIsReplaced(ContainerFixture c) throws Exception {
        var r = client(c).get("/health", HTTPS, "X-Request-Id: bad id<script>");
        assertThat(r.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void unknownRouteIsRefusedAsProblemJson(ContainerFixture c) throws Exception {
        var r = client(c).get("/nowhere", HTTPS);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"reason\":\"route_not_found\"", "\"status\":404",
                "\"type\":\"https://apigw.dev/problems/route_not_found\"",
                "\"requestId\":\"" + r.header("X-Request-Id") + "\"");
        assertThat(r.body()).doesNotContain("app", "Exception");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void protectedRouteWithoutCredentialsIs401WithChallenge(ContainerFixture c) throws Exception {
        var r = client(c).get("/pets", HTTPS);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Test realm=\"api\"");
        assertThat(r.body()).contains("\"reason\":\"unauthenticated\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void identityReachesTheApplication(ContainerFixture c) throws Exception {
        var r = client(c).get("/pets?role=pets:read", HTTPS, "Authorization: Test alice:pets:read");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"principal\":\"alice\"", "\"authMethod\":\"test\"", "\"inRole\":\"true\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void invalidCredentialFailsAndMissingScopeIsForbidden(ContainerFixture c) throws Exception {
        assertThat(client(c).get("/pets", HTTPS, "Authorization: Test bad").status()).isEqualTo(401);
        var r = client(c).get("/pets", HTTPS, "Authorization: Test bob:other");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("\"reason\":\"insufficient_scope\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void plainHttpIsRefused(ContainerFixture c) throws Exception {
        var r = client(c).get("/health");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("\"reason\":\"https_required\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void secretInQueryIsRefused(ContainerFixture c) throws Exception {
        var r = client(c).get("/health?API_KEY=abc", HTTPS);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"reason\":\"secret_in_query\"").doesNotContain("abc");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void clientBehindTrustedProxyIsTheRightMostUntrustedHop(ContainerFixture c) throws Exception {
        var denied = client(c).get("/health", HTTPS, "X-Forwarded-For: 198.51.100.1, 203.0.113.7");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("\"reason\":\"ip_denied\"");
        var allowed = client(c).get("/health", HTTPS, "X-Forwarded-For: 203.0.113.7, 198.51.100.1");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"clientIp\":\"198.51.100.1\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void routeIpPolicyAppliesAfterTheGlobalOne(ContainerFixture c) throws Exception {
        assertThat(client(c).get("/internal", HTTPS, "X-Forwarded-For: 10.1.2.3").status()).isEqualTo(200);
        assertThat(client(c).get("/internal", HTTPS, "X-Forwarded-For: 198.51.100.1").status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/health/../admin", "/health/%2e%2e/admin", "/health/%2E%2E/admin", "/health;x=y/../admin",
            "//admin", "/admin/", "/admin;jsessionid=1", "/./admin", "/health/.%2e/admin"})
    void pathTricksNeverEscapeTheProtectedRoute(String target) throws Exception {
        for (ContainerFixture c : containers.both()) {
            var r = client(c).get(target, HTTPS);
            assertThat(r.status()).as(c + " " + target).isIn(400, 401);
            assertThat(r.body()).as(c + " " + target).doesNotContain("\"app\":\"reached\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/admin%2f", "/health%2f..%2fadmin", "/health/..%5cadmin", "/health/%252e%252e/admin",
            "/health/%c0%ae%c0%ae/admin", "/health%00", "/%2e%2e/%2e%2e/etc/passwd"})
    void unsafePathsAreRefusedWith400(String target) throws Exception {
        for (ContainerFixture c : containers.both()) {
            var r = client(c).get(target, HTTPS);
            assertThat(r.status()).as(c + " " + target).isEqualTo(400);
            assertThat(r.body()).as(c + " " + target).doesNotContain("\"app\":\"reached\"");
        }
    }

    static GatewayConfig ipOnly() {
        return GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .ipPolicy(IpPolicy.builder().deny("203.0.113.7").build())
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Forwarded-For: 10.9.9.9", "Forwarded: for=10.9.9.9", "X-Forwarded-For: 203.0.113.7"})
    void forwardingHeadersFromAnUntrustedPeerChangeNothing(String spoof) throws Exception {
        try (ContainerFixture c = ContainerFixture.jetty(
                new ApigwSecurityFilter(ipOnly(), java.util.EnumSet.of(ControlKind.IP_POLICY), null))) {
            var r = client(c).get("/anything", spoof);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("\"clientIp\":\"127.0.0.1\"");
        }
    }
}
