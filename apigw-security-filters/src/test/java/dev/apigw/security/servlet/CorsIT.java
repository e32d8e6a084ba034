package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.cors.CorsPolicy;
import dev.apigw.security.cors.OriginMatchingTest;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS over real sockets in Jetty 12 and Tomcat 10.1: every origin-matching rule of CONTRACT §4, preflights answered
 * before authentication, grants kept on later rejections, cross-site requests refused before the application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsIT {

    private static final String APP = "https://app.example.com";
    private static final String PREFLIGHT_VARY =
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    /** One public route per entry of the matching table, each with that entry as its only allowed origin. */
    private final Map<String, String> routeOfEntry = new LinkedHashMap<>();
    private final BlockingQueue<AuditRecord> audit = new LinkedBlockingQueue<>();
    private ContainerFixture jetty;
    private ContainerFixture tomcat;

    GatewayConfig config() {
        GatewayConfig.Builder b = GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .authenticator(new TestTokenAuthenticator())
                .cors(CorsPolicy.builder().allowedOrigins(APP).allowedMethods("GET", "POST", "PUT")
                        .allowedHeaders("Authorization", "Content-Type").exposedHeaders("X-Request-Id")
                        .allowCredentials(true).maxAge(Duration.ofMinutes(10)).build())
                .route(RouteConfig.builder("/pets").methods("GET", "POST", "PUT").auth("test").build())
                .route(RouteConfig.builder("/health").publicRoute().build());
        for (Arguments row : matchingRows().toList()) {
            String entry = (String) row.get()[0];
            if (!routeOfEntry.containsKey(entry)) {
                String path = "/match/" + routeOfEntry.size();
                routeOfEntry.put(entry, path);
                b.route(RouteConfig.builder(path).publicRoute()
                        .cors(CorsPolicy.builder().allowedOrigins(entry).build()).build());
            }
        }
        return b.build();
    }

    @BeforeAll
    void start() throws Exception {
        GatewayConfig config = config();
        jetty = ContainerFixture.jetty(new ApigwSecurityFilter(config, ControlKind.all(), audit::add));
        tomcat = ContainerFixture.tomcat(new ApigwSecurityFilter(config, ControlKind.all(), audit::add));
    }

    @AfterAll
    void stop() throws Exception {
        jetty.close();
        tomcat.close();
    }

    static Stream<Arguments> matchingRows() {
        return Stream.of(OriginMatchingTest.TABLE).map(row -> {
            String[] c = row.split(",");
            return Arguments.of(c[0].strip(), c[1].strip(), Boolean.parseBoolean(c[2].strip()));
        });
    }

    Stream<Arguments> containers() {
        return Stream.of(Arguments.of(jetty), Arguments.of(tomcat));
    }

    Stream<Arguments> containersAndRows() {
        List<Arguments> all = new ArrayList<>();
        for (ContainerFixture c : List.of(jetty, tomcat)) {
            matchingRows().forEach(r -> all.add(Arguments.of(c, r.get()[0], r.get()[1], r.get()[2])));
        }
        return all.stream();
    }

    private static RawHttpClient client(ContainerFixture c) {
        return new RawHttpClient(c.port());
    }

    /** A preflight from the allowed origin for {@code PUT /pets}, after clearing the audit records. */
    private RawHttpClient.Response preflightForPut(ContainerFixture c, String requestHeaders) throws Exception {
        audit.clear();
        return client(c).send("OPTIONS", "/pets", "Origin: " + APP, "Access-Control-Request-Method: PUT",
                "Access-Control-Request-Headers: " + requestHeaders);
    }

    private static void assertNoGrant(RawHttpClient.Response r) {
        assertThat(r.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }

    @ParameterizedTest(name = "{0}: {1} allows {2}: {3}", autoCloseArguments = false)
    @MethodSource("containersAndRows")
    void everyMatchingRuleHoldsOverHttp(ContainerFixture c, String entry, String origin, boolean allowed)
            throws Exception {
        String path = routeOfEntry.get(entry);
        var actual = client(c).get(path, "Origin: " + origin);
        var preflight = client(c).send("OPTIONS", path, "Origin: " + origin, "Access-Control-Request-Method: GET");
        if (allowed) {
            assertThat(actual.status()).isEqualTo(200);
            assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(origin);
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        } else {
            assertThat(actual.status()).isEqualTo(403);
            assertThat(actual.body()).contains("\"reason\":\"cors_rejected\"").doesNotContain("reached");
            assertNoGrant(actual);
            assertThat(preflight.status()).isEqualTo(403);
            assertNoGrant(preflight);
        }
        assertThat(actual.header("Vary")).isEqualTo("Origin");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void allowedPreflightIs204WithTheGrantNoBodyAndAnAllowAuditRecord(ContainerFixture c) throws Exception {
        var r = preflightForPut(c, "content-type,authorization");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT");
        assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("content-type, authorization");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(r.header("Vary")).isEqualTo(PREFLIGHT_VARY);
        assertThat(r.header("X-Request-Id")).isNotBlank();
        AuditRecord record = audit.poll(5, TimeUnit.SECONDS);
        assertThat(record).isNotNull();
        assertThat(record.decision()).isEqualTo("allow");
        assertThat(record.status()).isEqualTo(204);
        assertThat(record.reason()).isNull();
        assertThat(record.route()).isEqualTo("/pets");
        assertThat(record.method()).isEqualTo("OPTIONS");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusedPreflightIs403ProblemWithoutAnyAllowHeader(ContainerFixture c) throws Exception {
        var r = preflightForPut(c, "x-not-allowed");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"reason\":\"cors_rejected\"");
        assertNoGrant(r);
        assertThat(r.header("Vary")).isEqualTo(PREFLIGHT_VARY);
        AuditRecord record = audit.poll(5, TimeUnit.SECONDS);
        assertThat(record.decision()).isEqualTo("deny");
        assertThat(record.reason()).isEqualTo("cors_rejected");
        assertThat(record.note()).isEqualTo("requested header x-not-allowed is not in allowedHeaders");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void a401AfterCorsStillCarriesTheGrantSoThePageCanReadIt(ContainerFixture c) throws Exception {
        var r = client(c).get("/pets", "Origin: " + APP);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Test realm=\"api\"");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(r.header("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");
        assertThat(r.header("Vary")).isEqualTo("Origin");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void simpleCrossSitePostNeverReachesTheApplication(ContainerFixture c) throws Exception {
        var r = client(c).send("POST", "/health", "Origin: https://evil.test", "Content-Type: text/plain",
                "Content-Length: 0");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("cors_rejected").doesNotContain("reached");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void sameOriginAndOriginlessRequestsPass(ContainerFixture c) throws Exception {
        var same = client(c).send("POST", "/health", "Origin: http://127.0.0.1:" + c.port(), "Content-Length: 0");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body()).contains("reached");
        assertNoGrant(same);
        assertThat(same.header("Vary")).isEqualTo("Origin");
        var otherPort = client(c).send("POST", "/health", "Origin: http://127.0.0.1:" + (c.port() + 1),
                "Content-Length: 0");
        assertThat(otherPort.status()).isEqualTo(403);
        var none = client(c).get("/health");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.header("Vary")).isEqualTo("Origin");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void preflightForAPathWithoutRouteIsAnsweredByTheGlobalPolicy(ContainerFixture c) throws Exception {
        var r = client(c).send("OPTIONS", "/no/such/route", "Origin: " + APP, "Access-Control-Request-Method: GET");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }
}
