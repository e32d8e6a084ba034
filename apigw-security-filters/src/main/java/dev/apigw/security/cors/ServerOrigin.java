package dev.apigw.security.cors;

import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityExchange;

import java.util.Locale;

/**
 * Whether a request's {@code Origin} is this server's own origin, so that a same-origin request passes without being
 * on the allow list (a browser sends {@code Origin} on same-origin {@code POST}s too).
 *
 * <p>The server's origin is the scheme the client used ({@link SecurityExchange#https()}: the container's, or a trusted
 * proxy's {@code X-Forwarded-Proto}) with the host and port the container reports, which come from the {@code Host}
 * header. Trusting {@code Host} here is safe for CORS: a browser always sends the real one and cannot be made to lie
 * about it, and a client that is not a browser can send any {@code Origin} it likes anyway. Where a proxy switched the
 * scheme and the {@code Host} carried no port, the container reports its own scheme's default port; that is read as
 * the client scheme's default port. A proxy that rewrites {@code Host} makes the page's own origin look foreign: list
 * it in {@code allowedOrigins}. DNS rebinding (a hostile name pointed at this server) is same-origin to the browser, so
 * no CORS check can see it; refuse unknown {@code Host} names at the proxy or virtual host.
 */
final class ServerOrigin {

    private ServerOrigin() {
    }

    /** Whether {@code origin} is the origin the request was addressed to. */
    static boolean matches(Origin origin, SecurityExchange exchange) {
        String scheme = exchange.https() ? "https" : "http";
        if (!scheme.equals(origin.scheme())) {
            return false;
        }
        RequestView request = exchange.request();
        if (port(request, scheme) != origin.port()) {
            return false;
        }
        String name = request.serverName();
        if (name == null) {
            return false;
        }
        return origin.host().equalsIgnoreCase(name) || origin.host().equals(Origin.canonicalHost(name));
    }

    private static int port(RequestView request, String scheme) {
        int port = request.serverPort();
        String seen = request.scheme() == null ? scheme : request.scheme().toLowerCase(Locale.ROOT);
        if (!seen.equals(scheme) && port == Origin.defaultPort(seen)) {
            return Origin.defaultPort(scheme);
        }
        return port;
    }
}
