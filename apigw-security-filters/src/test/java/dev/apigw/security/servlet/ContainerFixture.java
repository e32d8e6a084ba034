package dev.apigw.security.servlet;

import jakarta.servlet.Filter;

import java.nio.file.Files;
import java.nio.file.Path;

/** A real servlet container running one filter in front of {@link EchoServlet}, listening on 127.0.0.1. */
interface ContainerFixture extends AutoCloseable {

    int port();

    /** Embedded Jetty 12 (ee10, Servlet 6.0), with its URI checks relaxed so that only our filter stands guard. */
    static ContainerFixture jetty(Filter filter) throws Exception {
        return jetty(filter, new EchoServlet(), null, null);
    }

    /** Embedded Jetty 12 running the filter in front of an application of the test's own. */
    static ContainerFixture jetty(Filter filter, jakarta.servlet.Servlet application) throws Exception {
        return jetty(filter, application, null, null);
    }

    /**
     * Embedded Jetty 12 over TLS with the server key and chain of {@code keyStore}. It asks for a client certificate
     * ({@code wantClientAuth}) and accepts any, so that the handshake completes and the filter alone decides; the
     * chain reaches the filter through {@link org.eclipse.jetty.server.SecureRequestCustomizer}.
     */
    static ContainerFixture jettyTls(Filter filter, java.security.KeyStore keyStore, String password) throws Exception {
        return jetty(filter, new EchoServlet(), keyStore, password);
    }

    private static ContainerFixture jetty(Filter filter, jakarta.servlet.Servlet application,
                                          java.security.KeyStore keyStore, String password) throws Exception {
        var server = new org.eclipse.jetty.server.Server();
        var http = new org.eclipse.jetty.server.HttpConfiguration();
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.UNSAFE);
        org.eclipse.jetty.server.ServerConnector connector;
        if (keyStore == null) {
            connector = new org.eclipse.jetty.server.ServerConnector(server,
                    new org.eclipse.jetty.server.HttpConnectionFactory(http));
        } else {
            var tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            tls.setSslContext(AcceptAnyClientCertificate.sslContext(keyStore, password));
            tls.setWantClientAuth(true);
            var secure = new org.eclipse.jetty.server.SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new org.eclipse.jetty.server.ServerConnector(server, tls,
                    new org.eclipse.jetty.server.HttpConnectionFactory(http));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        var context = new org.eclipse.jetty.ee10.servlet.ServletContextHandler();
        context.setContextPath("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(filter), "/*",
                java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(application), "/*");
        server.setHandler(context);
        server.start();
        String name = keyStore == null ? "Jetty 12 ee10" : "Jetty 12 ee10 over TLS";
        return new ContainerFixture() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Embedded Tomcat 10.1 (Servlet 6.0), with encoded slashes and backslashes passed through to the filter. */
    static ContainerFixture tomcat(Filter filter) throws Exception {
        Path base = Files.createTempDirectory("tomcat");
        var tomcat = new org.apache.catalina.startup.Tomcat();
        tomcat.setBaseDir(base.toString());
        var connector = new org.apache.catalina.connector.Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setEncodedSolidusHandling("passthrough");
        connector.setProperty("allowBackslash", "true");
        tomcat.setConnector(connector);
        var context = tomcat.addContext("", base.toString());
        org.apache.catalina.startup.Tomcat.addServlet(context, "echo", new EchoServlet());
        context.addServletMappingDecoded("/*", "echo");
        var def = new org.apache.tomcat.util.descriptor.web.FilterDef();
        def.setFilterName("apigw");
        def.setFilter(filter);
        context.addFilterDef(def);
        var map = new org.apache.tomcat.util.descriptor.web.FilterMap();
        map.setFilterName("apigw");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
        return new ContainerFixture() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                tomcat.stop();
                tomcat.destroy();
            }

            @Override
            public String toString() {
                return "Tomcat 10.1";
            }
        };
    }
}
