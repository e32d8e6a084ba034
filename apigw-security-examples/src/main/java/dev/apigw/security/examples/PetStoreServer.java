package dev.apigw.security.examples;

import dev.apigw.security.AuditSink;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.servlet.ApigwSecurityFilter;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.util.EnumSet;

/**
 * The Pet Store on embedded Jetty 12 (ee10), with the security filter in front of every path, or without it for the
 * load comparison.
 */
public final class PetStoreServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private PetStoreServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the demo on 127.0.0.1.
     *
     * @param config the filter's configuration, or {@code null} to run the application unprotected
     * @param port   the port, 0 for a free one
     * @param audit  where audit records go, or {@code null} for the configured SLF4J logger
     */
    public static PetStoreServer start(GatewayConfig config, int port, AuditSink audit) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (config != null) {
            ApigwSecurityFilter filter = new ApigwSecurityFilter(config, ControlKind.all(), audit);
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        PetStore store = new PetStore();
        context.addServlet(new ServletHolder(new PetServlet(store)), "/pets/*");
        context.addServlet(new ServletHolder(new PetServlet(store)), "/pets");
        context.addServlet(new ServletHolder(new HealthServlet()), "/health");
        context.addServlet(new ServletHolder(new WhoAmIServlet()), "/whoami");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        return new PetStoreServer(server, connector);
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
