package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.cors.CorsPolicy;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.transport.TransportPolicy;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * CORS as a real browser enforces it: headless Chromium loads a page from one origin and calls the API, behind the
 * filter in another Jetty, with {@code fetch()}. The allowed origin reads credentialed answers (and a 401); a page
 * on another origin is blocked by the browser, and neither its preflighted {@code PUT} nor its simple {@code POST}
 * reaches the application. Skipped where Chromium is not installed, unless {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String NO_BROWSER =
            "Chromium is not installed (apt-get install chromium, or set CHROMIUM to its path)";

    private final CountingApi api = new CountingApi();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private HeadlessChromium chromium;
    private BrowserPages pages;
    private ContainerFixture apiServer;

    @BeforeAll
    void start() throws Exception {
        chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(NO_BROWSER + "; CI must run the browser test: .ci/run installs it");
            }
            LoggerFactory.getLogger(CorsBrowserIT.class).warn("{}; skipping the browser test", NO_BROWSER);
            return;
        }
        pages = new BrowserPages();
        GatewayConfig config = GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .authenticator(new TestTokenAuthenticator())
                .cors(CorsPolicy.builder().allowedOrigins(pages.allowedOrigin())
                        .allowedMethods("GET", "POST", "PUT").allowedHeaders("Content-Type", "X-Trace")
                        .exposedHeaders("X-Request-Id").allowCredentials(true).maxAge(Duration.ofMinutes(10)).build())
                .route(RouteConfig.builder("/api/data").methods("GET", "POST", "PUT").publicRoute().build())
                .route(RouteConfig.builder("/api/private").methods("GET").auth("test").build())
                .build();
        apiServer = ContainerFixture.jetty(new ApigwSecurityFilter(config, ControlKind.all(), audit::add), api);
        pages.apiBase("http://127.0.0.1:" + apiServer.port());
    }

    @AfterAll
    void stop() throws Exception {
        if (apiServer != null) {
            apiServer.close();
        }
        if (pages != null) {
            pages.close();
        }
    }

    private JsonNode visit(String page) throws Exception {
        pages.reports().clear();
        return JsonMapper.builder().build().readTree(chromium.visit(page, pages.reports(), TIMEOUT));
    }

    @Test
    void allowedOriginWithCredentialsReadsTheAnswersIncludingA401() throws Exception {
        Assumptions.assumeTrue(chromium != null, NO_BROWSER);
        Map<String, Integer> before = api.snapshot();
        JsonNode r = visit(pages.allowedPage());
        assertThat(r.path("credentialedGet").path("status").asInt()).as(r.toString()).isEqualTo(200);
        assertThat(r.path("credentialedGet").path("cookie").asBoolean()).as("cookie sent").isTrue();
        assertThat(r.path("credentialedGet").path("requestIdReadable").asBoolean()).as("exposed header").isTrue();
        assertThat(r.path("preflightedPut").path("status").asInt()).as(r.toString()).isEqualTo(200);
        assertThat(r.path("preflightedPut").path("method").asString()).isEqualTo("PUT");
        assertThat(r.path("unauthenticated").path("status").asInt()).as(r.toString()).isEqualTo(401);
        assertThat(r.path("unauthenticated").path("reason").asString()).isEqualTo("unauthenticated");
        assertThat(api.since(before, "PUT")).isEqualTo(1);
        assertThat(api.since(before, "OPTIONS")).as("the filter answers preflights").isZero();
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.method()).isEqualTo("OPTIONS");
            assertThat(a.status()).isEqualTo(204);
            assertThat(a.decision()).isEqualTo("allow");
        });
    }

    @Test
    void disallowedOriginIsBlockedByTheBrowserAndNothingReachesTheApplication() throws Exception {
        Assumptions.assumeTrue(chromium != null, NO_BROWSER);
        Map<String, Integer> before = api.snapshot();
        JsonNode r = visit(pages.blockedPage());
        assertThat(r.path("credentialedGet").path("blocked").asString()).as(r.toString()).isEqualTo("TypeError");
        assertThat(r.path("preflightedPut").path("blocked").asString()).as(r.toString()).isEqualTo("TypeError");
        assertThat(r.path("simplePost").path("type").asString()).as(r.toString()).isEqualTo("opaque");
        assertThat(api.since(before, "PUT")).as("preflighted PUT").isZero();
        assertThat(api.since(before, "POST")).as("simple cross-site POST").isZero();
        assertThat(api.since(before, "GET")).as("credentialed GET").isZero();
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.method()).isEqualTo("OPTIONS");
            assertThat(a.reason()).isEqualTo("cors_rejected");
        });
    }

    /** The application: counts the requests that reach it, by method, and says whether the cookie came along. */
    private static final class CountingApi extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            hits.computeIfAbsent(req.getMethod(), m -> new AtomicInteger()).incrementAndGet();
            String cookie = req.getHeader("Cookie");
            boolean withCookie = cookie != null && cookie.contains(BrowserPages.COOKIE);
            byte[] body = ("{\"method\":\"" + req.getMethod() + "\",\"cookie\":" + withCookie + "}")
                    .getBytes(StandardCharsets.UTF_8);
            resp.setContentType("application/json");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }

        Map<String, Integer> snapshot() {
            Map<String, Integer> copy = new ConcurrentHashMap<>();
            hits.forEach((m, n) -> copy.put(m, n.get()));
            return copy;
        }

        int since(Map<String, Integer> before, String method) {
            AtomicInteger now = hits.get(method);
            return (now == null ? 0 : now.get()) - before.getOrDefault(method, 0);
        }
    }
}
