package dev.apigw.security.testing;

import dev.apigw.security.RequestView;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link RequestView} built in a test, without a container. */
public final class FakeRequest implements RequestView {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final List<String> headerNames;
    private final String peer;
    private final boolean secure;
    private final String serverName;
    private final int serverPort;
    private final List<X509Certificate> clientCertificates;

    private FakeRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.rawQuery = b.rawQuery;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.headerNames = List.copyOf(b.headerNames);
        this.peer = b.peer;
        this.secure = b.secure;
        this.serverName = b.serverName;
        this.serverPort = b.serverPort;
        this.clientCertificates = List.copyOf(b.clientCertificates);
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder request(String method, String path) {
        return new Builder(method, path);
    }

    @Override public String method() { return method; }
    @Override public String path() { return path; }
    @Override public String rawQuery() { return rawQuery; }
    @Override public List<String> queryParameters(String name) { return query.getOrDefault(name, List.of()); }
    @Override public Map<String, List<String>> queryParameters() { return query; }
    @Override public String header(String name) {
        List<String> v = headers(name);
        return v.isEmpty() ? null : v.get(0);
    }
    @Override public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
    @Override public List<String> headerNames() { return headerNames; }
    @Override public String peerAddress() { return peer; }
    @Override public boolean secure() { return secure; }
    @Override public String scheme() { return secure ? "https" : "http"; }
    @Override public String serverName() { return serverName; }
    @Override public int serverPort() { return serverPort; }
    @Override public List<X509Certificate> clientCertificates() { return clientCertificates; }

    /** Builds a {@link FakeRequest}; defaults: peer 192.0.2.10, plain HTTP to localhost:8080. */
    public static final class Builder {
        private final String method;
        private final String path;
        private String rawQuery;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final List<String> headerNames = new ArrayList<>();
        private String peer = "192.0.2.10";
        private boolean secure;
        private String serverName = "localhost";
        private int serverPort = 8080;
        private List<X509Certificate> clientCertificates = List.of();

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder header(String name, String value) {
            String key = name.toLowerCase(Locale.ROOT);
            if (!headers.containsKey(key)) {
                headerNames.add(name);
            }
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Adds a decoded query parameter and appends it, unencoded, to the raw query. */
        public Builder query(String name, String value) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            rawQuery = (rawQuery == null ? "" : rawQuery + "&") + name + "=" + value;
            return this;
        }

        /** Sets the raw query exactly as sent, without adding decoded parameters. */
        public Builder rawQuery(String value) {
            this.rawQuery = value;
            return this;
        }

        public Builder peer(String address) {
            this.peer = address;
            return this;
        }

        public Builder secure(boolean value) {
            this.secure = value;
            this.serverPort = value ? 8443 : 8080;
            return this;
        }

        public Builder server(String name, int port) {
            this.serverName = name;
            this.serverPort = port;
            return this;
        }

        /** The chain of the TLS session, leaf first; makes the request secure. */
        public Builder clientCertificates(List<X509Certificate> chain) {
            this.clientCertificates = chain;
            return secure(true);
        }

        public FakeRequest build() {
            return new FakeRequest(this);
        }
    }
}
