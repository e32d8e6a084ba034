package dev.apigw.security.cors;

import dev.apigw.security.ip.IpLiteral;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * A web origin as a browser serialises it (RFC 6454 §6.1, WHATWG URL "origin"): {@code scheme://host[:port]}, read
 * strictly so that matching compares exactly what the browser meant.
 *
 * <p>Only {@code http} and {@code https}; no path, userinfo, query or fragment; scheme and host lower-cased; the
 * default port (80, 443) dropped. The host is a domain name of ASCII labels (a browser sends an IDN as punycode,
 * {@code xn--...}, and so must the configuration: Unicode is refused, not converted), an IPv4 dotted quad, or an IPv6
 * literal in brackets written as RFC 5952 (which is also how WHATWG URL serialises it). A trailing dot is refused: to a
 * browser {@code example.com.} is another origin. Anything else is not an origin, so it matches nothing.
 */
final class Origin {

    /** Longer than any real origin: a 253-character host, a scheme and a port. */
    static final int MAX_LENGTH = 300;

    private final String scheme;
    private final String host;
    private final int port;
    private final String text;

    private Origin(String scheme, String host, int port) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.text = scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /** Reads an origin; {@code null} when the text is not strictly one. Never throws. */
    static Origin read(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        int sep = text.indexOf("://");
        String scheme = sep < 0 ? null : scheme(text.substring(0, sep));
        if (scheme == null) {
            return null;
        }
        int hostStart = sep + 3;
        int hostEnd = text.startsWith("[", hostStart) ? text.indexOf(']', hostStart) + 1 : colonOrEnd(text, hostStart);
        if (hostEnd <= hostStart) {
            return null;
        }
        String host = canonicalHost(text.substring(hostStart, hostEnd));
        int port = hostEnd == text.length() ? defaultPort(scheme) : port(text, hostEnd);
        return host == null || port < 0 ? null : new Origin(scheme, host, port);
    }

    /**
     * The canonical form of a host as a container or a browser writes it: a lower-cased domain name, a dotted quad, or
     * an IPv6 literal in brackets; {@code null} for anything else.
     */
    static String canonicalHost(String host) {
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            InetAddress address = IpLiteral.parse(host).orElse(null);
            // A mapped IPv4 address comes back as IPv4; WHATWG would write it in hex, so it is refused rather than
            // guessed at.
            return address instanceof Inet6Address ? "[" + IpLiteral.format(address) + "]" : null;
        }
        return DomainName.isValid(host) ? host.toLowerCase(Locale.ROOT) : null;
    }

    static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    /** {@code http} or {@code https}, lower-cased; {@code null} for any other scheme. */
    private static String scheme(String text) {
        return "https".equalsIgnoreCase(text) ? "https" : "http".equalsIgnoreCase(text) ? "http" : null;
    }

    private static int colonOrEnd(String text, int from) {
        int colon = text.indexOf(':', from);
        return colon < 0 ? text.length() : colon;
    }

    /** {@code :port} at {@code at} up to the end: 1 to 65535, no sign, no leading zero; -1 otherwise. */
    private static int port(String text, int at) {
        int digits = text.length() - at - 1;
        if (text.charAt(at) != ':' || digits < 1 || digits > 5 || text.charAt(at + 1) == '0') {
            return -1;
        }
        int port = 0;
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535 ? port : -1;
    }

    /** {@code http} or {@code https}. */
    String scheme() {
        return scheme;
    }

    /** The lower-cased host; IPv6 in brackets. */
    String host() {
        return host;
    }

    /** The port, the scheme's default where none was written. */
    int port() {
        return port;
    }

    /** Whether the host is a domain name (not an IP literal), which a subdomain wildcard may match. */
    boolean hasDomainName() {
        return !host.startsWith("[") && !DomainName.isIpv4(host);
    }

    /** The serialised origin, e.g. {@code https://app.example.com} or {@code http://127.0.0.1:8080}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
