package dev.apigw.security.examples;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The web.xml example (src/main/webapp) deployed as it is on Jetty 12: the filter comes up from /WEB-INF/apigw.yaml. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebXmlExampleIT {

    private Server server;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void deploy() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(Path.of("src", "main", "webapp"));
        webapp.setParentLoaderPriority(true);
        // nothing on the class path needs scanning for annotations: the example declares all in web.xml
        webapp.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", "^$");
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path, boolean behindTlsProxy) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (behindTlsProxy) {
            b.header("X-Forwarded-Proto", "https");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProtectedRouteWithoutATokenIs401() throws Exception {
        HttpResponse<String> r = get("/pets", true);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"reason\":\"unauthenticated\"");
    }

    @Test
    void thePublicRouteReachesTheServletDeclaredInWebXml() throws Exception {
        HttpResponse<String> r = get("/health", true);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("ok");
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void plainHttpIsRefusedAsTheConfigurationSays() throws Exception {
        HttpResponse<String> r = get("/health", false);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("https_required");
    }
}
