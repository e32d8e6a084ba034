package dev.apigw.security.servlet;

import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.ConfigLoader;
import dev.apigw.security.config.GatewayConfig;
import jakarta.servlet.FilterConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads the filter's {@code web.xml} init-parameters: {@code config}, {@code stage} and {@code controls}.
 */
final class FilterInitParameters {

    private final FilterConfig filterConfig;

    FilterInitParameters(FilterConfig filterConfig) {
        this.filterConfig = filterConfig;
    }

    GatewayConfig loadConfig() {
        String location = filterConfig.getInitParameter("config");
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("the init-parameter \"config\" must name the configuration file"
                    + " (a path, /WEB-INF/apigw.yaml or classpath:apigw.yaml)");
        }
        String stage = stage();
        if (location.startsWith("/WEB-INF/")) {
            return loadStream(filterConfig.getServletContext().getResourceAsStream(location), location, stage);
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return loadStream(loader.getResourceAsStream(resource), location, stage);
        }
        return ConfigLoader.load(Path.of(location), stage);
    }

    private static GatewayConfig loadStream(InputStream in, String location, String stage) {
        if (in == null) {
            throw new IllegalArgumentException("configuration " + location + " not found");
        }
        try (in) {
            return ConfigLoader.load(in, location, stage);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location + " failed", e);
        }
    }

    private String stage() {
        String stage = filterConfig.getInitParameter("stage");
        return stage != null && !stage.isBlank() ? stage : System.getenv("APIGW_STAGE");
    }

    Set<ControlKind> controls() {
        String list = filterConfig.getInitParameter("controls");
        return list == null || list.isBlank() ? ControlKind.all() : ControlKind.parseList(list);
    }
}
