package dev.apigw.security.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import java.nio.file.Files;
import java.nio.file.Path;

/** A real servlet container running one filter in front of {@link EchoServlet}, listening on 127.0.0.1. */
interface ContainerFixture extends AutoCloseable {

    int port();

    /** Embedded Jetty 12 (ee10, Servlet 6.0), with its URI checks relaxed so that only our filter stands guard. */
    static ContainerFixture jetty(Filter filter) throws Exception {
        return jetty(filter, new EchoServlet());
    }

    /** Embedded Jetty 12 with another application behind the filter. */
    static ContainerFixture jetty(Filter filter, HttpServlet application) throws Exception {
        var server = new org.eclipse.jetty.server.Server();
        var http = new org.eclipse.jetty.server.HttpConfiguration();
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.UNSAFE);
        var connector = new org.eclipse.jetty.server.ServerConnector(server,
                new org.eclipse.jetty.server.HttpConnectionFactory(http));
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
                return "Jetty 12 ee10";
            }
        };
    }

    /** Embedded Tomcat 10.1 (Servlet 6.0), with encoded slashes and backslashes passed through to the filter. */
    static ContainerFixture tomcat(Filter filter) throws Exception {
        return tomcat(filter, new EchoServlet());
    }

    /** Embedded Tomcat 10.1 with another application behind the filter. */
    static ContainerFixture tomcat(Filter filter, HttpServlet application) throws Exception {
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
        org.apache.catalina.startup.Tomcat.addServlet(context, "echo", application);
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
