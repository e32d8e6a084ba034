package dev.apigw.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one HTTP request, free of servlet types, so that every control can be tested without a
 * container.
 *
 * <p>{@link #path()} is the path within the application after normalisation (percent-decoded once, dot segments
 * and empty segments removed, path parameters dropped); controls and routes only ever see that form. Header names
 * are case-insensitive. Implementations must be safe to read from one thread at a time and must never resolve a host
 * name.
 */
public interface RequestView {

    /** The request method as sent, for example {@code GET}. */
    String method();

    /** The normalised path within the application, starting with {@code /}. */
    String path();

    /** The raw query string without the {@code ?}, or {@code null} when the request has none. */
    String rawQuery();

    /** The decoded values of one query parameter, in order; empty when absent. */
    List<String> queryParameters(String name);

    /** All decoded query parameters, in order of first appearance. */
    Map<String, List<String>> queryParameters();

    /** The first value of a header, or {@code null}. */
    String header(String name);

    /** Every value of a header, in order; empty when absent. */
    List<String> headers(String name);

    /** The names of the headers present, each once, as sent. */
    List<String> headerNames();

    /** The IP address literal of the socket peer (the proxy, where there is one). */
    String peerAddress();

    /** Whether the connection to this server is TLS, as the container sees it. */
    boolean secure();

    /** The scheme the container saw: {@code http} or {@code https}. */
    String scheme();

    /** The host the request was addressed to, as the container reports it. */
    String serverName();

    /** The port the request was addressed to, as the container reports it. */
    int serverPort();

    /**
     * The client certificate chain of the container's TLS session (leaf first), or empty where the connection is not
     * TLS or the client sent none. Never taken from a header: that is the mTLS control's decision.
     */
    default List<X509Certificate> clientCertificates() {
        return List.of();
    }

    /**
     * The body, read on the first call and never past the configured body limit, then kept so that the application
     * still receives it unchanged. Only controls that need the body call this; an adapter that does not read bodies
     * answers an empty one.
     */
    default RequestBody body() {
        return RequestBody.empty();
    }

    /** The first value of a query parameter, or {@code null}. */
    default String queryParameter(String name) {
        List<String> values = queryParameters(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
