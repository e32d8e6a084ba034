package dev.apigw.security.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The web pages of the browser test, served by one Jetty on two ports of 127.0.0.1, which are two origins: the
 * {@code allowed} origin's page is {@code cors-allowed.html}, the {@code blocked} one's {@code cors-blocked.html}
 * (both ports serve both; the origin is what counts). Each page posts its results to {@code /report} on its own
 * origin; they land in {@link #reports()}.
 */
final class BrowserPages implements AutoCloseable {

    /** The cookie the allowed page sets; the API sees it only on credentialed requests. */
    static final String COOKIE = "apigw_session=s3cret";

    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final Server server = new Server();
    private final ServerConnector allowed = connector(server);
    private final ServerConnector blocked = connector(server);
    private volatile String apiBase;

    BrowserPages() throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new Pages()), "/*");
        server.setHandler(context);
        server.start();
    }

    private static ServerConnector connector(Server server) {
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        return c;
    }

    /** Where the pages send their API calls, e.g. {@code http://127.0.0.1:41234}. */
    void apiBase(String base) {
        this.apiBase = base;
    }

    String allowedOrigin() {
        return "http://127.0.0.1:" + allowed.getLocalPort();
    }

    String allowedPage() {
        return allowedOrigin() + "/cors-allowed.html";
    }

    String blockedPage() {
        return "http://127.0.0.1:" + blocked.getLocalPort() + "/cors-blocked.html";
    }

    BlockingQueue<String> reports() {
        return reports;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class Pages extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String name = req.getRequestURI().substring(1);
            boolean known = List.of("cors-allowed.html", "cors-blocked.html", "cors-pages.js").contains(name);
            InputStream page = known ? getClass().getResourceAsStream(name) : null;
            if (page == null) {
                resp.sendError(404);
                return;
            }
            String html;
            try (page) {
                html = new String(page.readAllBytes(), StandardCharsets.UTF_8).replace("@API@", apiBase);
            }
            resp.setHeader("Set-Cookie", COOKIE + "; Path=/; SameSite=Lax");
            resp.setContentType((name.endsWith(".js") ? "text/javascript" : "text/html") + ";charset=utf-8");
            resp.getWriter().write(html);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            reports.add(new String(req.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8));
            resp.setStatus(204);
        }
    }
}
