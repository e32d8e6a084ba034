package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.AuditSink;
import dev.apigw.security.SecurityEvent;
import dev.apigw.security.audit.AuditRecordFormat;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.transport.TransportPolicy;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One audit record per request, whatever happens to it, on a real Jetty. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditRecordIT {

    /** Keeps every record, as a JSON line exactly as the SLF4J sink would write it. */
    static final class RecordingAuditSink implements AuditSink {
        final ConcurrentLinkedQueue<AuditRecord> records = new ConcurrentLinkedQueue<>();

        @Override
        public void write(AuditRecord record) {
            records.add(record);
        }

        /** Waits (bounded) until {@code n} records are in: a record follows its response by a hair. */
        List<AuditRecord> await(int n) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (records.size() < n && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return List.copyOf(records);
        }
    }

    private final RecordingAuditSink sink = new RecordingAuditSink();
    private final ConcurrentLinkedQueue<SecurityEvent> events = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Server server;
    private int port;

    @BeforeAll
    void start() throws Exception {
        GatewayConfig config = GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .events(events::add)
                .route(RouteConfig.builder("/ok").publicRoute().build())
                .route(RouteConfig.builder("/boom").publicRoute().build())
                .route(RouteConfig.builder("/async").publicRoute().build())
                .build();
        server = new Server();
        var http = new org.eclipse.jetty.server.HttpConfiguration();
        // Relaxed so that hostile paths reach the filter instead of being refused by Jetty itself.
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new ApigwSecurityFilter(config, ControlKind.all(), sink)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().write("héllo");
            }
        }), "/ok");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                throw new IllegalStateException("application bug");
            }
        }), "/boom");
        ServletHolder async = new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                AsyncContext ctx = req.startAsync();
                ctx.start(() -> {
                    try {
                        ((HttpServletResponse) ctx.getResponse()).setStatus(202);
                        ctx.getResponse().getOutputStream().write(new byte[] {1, 2, 3});
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    ctx.complete();
                });
            }
        });
        async.setAsyncSupported(true);
        context.addServlet(async, "/async");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @BeforeEach
    void clear() {
        sink.records.clear();
        events.clear();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void allowedRequestHasEveryField() throws Exception {
        get("/ok", "User-Agent", "test-agent", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        AuditRecord r = sink.await(1).get(0);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.decision()).isEqualTo("allow");
        assertThat(r.reason()).isNull();
        assertThat(r.route()).isEqualTo("/ok");
        assertThat(r.path()).isEqualTo("/ok");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.clientIp()).isEqualTo("127.0.0.1");
        assertThat(r.peerIp()).isEqualTo("127.0.0.1");
        assertThat(r.userAgent()).isEqualTo("test-agent");
        assertThat(r.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(r.bytesOut()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8).length);
        assertThat(r.requestId()).matches("[0-9a-f]{32}");
    }

    @Test
    void rejectedRequestHasItsReason() throws Exception {
        get("/missing");
        AuditRecord r = sink.await(1).get(0);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.decision()).isEqualTo("deny");
        assertThat(r.reason()).isEqualTo("route_not_found");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("route_not_found");
            assertThat(e.requestId()).isEqualTo(r.requestId());
        });
    }

    @Test
    void allowedRequestRaisesNoSecurityEvent() throws Exception {
        get("/ok");
        sink.await(1);
        assertThat(events).isEmpty();
    }

    @Test
    void applicationExceptionStillWritesOneRecord() throws Exception {
        assertThat(get("/boom").statusCode()).isEqualTo(500);
        List<AuditRecord> records = sink.await(1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).status()).isEqualTo(500);
        assertThat(records.get(0).note()).contains("IllegalStateException");
    }

    @Test
    void asyncRequestIsRecordedOnceWhenComplete() throws Exception {
        assertThat(get("/async").statusCode()).isEqualTo(202);
        List<AuditRecord> records = sink.await(1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).status()).isEqualTo(202);
    }

    @Test
    void hostileValuesCannotBreakTheLineOrForgeAField() throws Exception {
        // Containers refuse raw control characters in headers; what gets through is quotes, backslashes and
        // encoded line breaks in the path.
        new RawHttpClient(port).get("/ok%0d%0a%7b%22decision%22:%22allow%22%7d",
                "User-Agent: evil\",\"decision\":\"allow\\\"}");
        String line = AuditRecordFormat.toJson(sink.await(1).get(0));
        assertThat(line).doesNotContain("\n", "\r");
        var tree = JsonMapper.builder().build().readTree(line);
        assertThat(tree.get("decision").asString()).isEqualTo("deny");
        assertThat(tree.get("reason").asString()).isEqualTo("invalid_path");
        assertThat(tree.get("userAgent").asString()).startsWith("evil\",\"decision\"");
        assertThat(tree.get("path").asString()).isEqualTo("/ok%0d%0a%7b%22decision%22:%22allow%22%7d");
    }

    @Test
    void concurrentRequestsGiveOneRecordEachWithDistinctIds() throws Exception {
        int n = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> get("/ok").statusCode()));
            }
            for (Future<Integer> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditRecord> records = sink.await(n);
        assertThat(records).hasSize(n);
        Set<String> ids = records.stream().map(AuditRecord::requestId).collect(Collectors.toSet());
        assertThat(ids).hasSize(n);
    }
}
