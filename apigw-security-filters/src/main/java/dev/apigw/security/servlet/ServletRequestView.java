package dev.apigw.security.servlet;

import dev.apigw.security.RequestBody;
import dev.apigw.security.RequestView;
import dev.apigw.security.validate.UrlEncoded;
import jakarta.servlet.http.HttpServletRequest;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The {@link RequestView} of a servlet request: reads through to the container, parses the query string only when a
 * control asks for it, and reads the body only when a control asks for it, through the bounded {@link BodyRequest}.
 */
final class ServletRequestView implements RequestView {

    private final HttpServletRequest request;
    private final String path;
    private Map<String, List<String>> query;

    ServletRequestView(HttpServletRequest request, String normalisedPath) {
        this.request = request;
        this.path = normalisedPath;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String rawQuery() {
        return request.getQueryString();
    }

    @Override
    public List<String> queryParameters(String name) {
        return queryParameters().getOrDefault(name, List.of());
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        if (query == null) {
            query = UrlEncoded.parse(request.getQueryString());
        }
        return query;
    }

    @Override
    public RequestBody body() {
        return request instanceof BodyRequest bodies ? bodies.body() : RequestBody.empty();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public List<String> headers(String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return List.of(first);
        }
        List<String> all = new ArrayList<>(4);
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public List<String> headerNames() {
        Enumeration<String> names = request.getHeaderNames();
        return names == null ? List.of() : Collections.list(names);
    }

    @Override
    public String peerAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String scheme() {
        return request.getScheme();
    }

    @Override
    public List<X509Certificate> clientCertificates() {
        Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof X509Certificate[] certs ? List.of(certs) : List.of();
    }

    @Override
    public String serverName() {
        return request.getServerName();
    }

    @Override
    public int serverPort() {
        return request.getServerPort();
    }
}
