package dev.apigw.security.benchmarks;

import dev.apigw.security.RequestView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed {@link RequestView} for benchmarks: a GET over HTTPS with the headers given, built once in a
 * {@code @Setup} method.
 *
 * <p>Lookups are as cheap as a container's (one hash lookup on a lower-cased name), so that the figures measure the
 * control and not the double.
 */
public final class BenchmarkRequest implements RequestView {

    private final String path;
    private final Map<String, List<String>> headers;
    private final List<String> headerNames;

    private BenchmarkRequest(String path, Map<String, List<String>> headers, List<String> headerNames) {
        this.path = path;
        this.headers = headers;
        this.headerNames = headerNames;
    }

    /** A GET of {@code path} carrying the given header name and value pairs. */
    public static BenchmarkRequest get(String path, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name and value pairs");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String key = namesAndValues[i].toLowerCase(Locale.ROOT);
            if (!headers.containsKey(key)) {
                names.add(namesAndValues[i]);
            }
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return new BenchmarkRequest(path, Map.copyOf(headers), List.copyOf(names));
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawQuery() {
        return null;
    }

    @Override
    public List<String> queryParameters(String name) {
        return List.of();
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return Map.of();
    }

    @Override
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public List<String> headerNames() {
        return headerNames;
    }

    @Override
    public String peerAddress() {
        return "192.0.2.10";
    }

    @Override
    public boolean secure() {
        return true;
    }

    @Override
    public String scheme() {
        return "https";
    }

    @Override
    public String serverName() {
        return "api.example.com";
    }

    @Override
    public int serverPort() {
        return 443;
    }
}
