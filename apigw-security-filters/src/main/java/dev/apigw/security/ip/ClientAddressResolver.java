package dev.apigw.security.ip;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.RequestView;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Finds who is calling: the client's address and whether it used HTTPS, believing forwarding headers only from
 * trusted proxies (CONTRACT §4 "Client address"; RFC 7239 §5.2, §8.1).
 *
 * <p>This is the one place that decides whether the socket peer is a trusted proxy. A peer outside the trusted ranges
 * is the client and its forwarding headers are ignored, since anyone can write them. Behind a trusted peer the hops
 * of {@code Forwarded} or {@code X-Forwarded-For} (see {@link ForwardingHeaders}) are walked from right to left,
 * skipping trusted proxies; the first other hop is the client, and when it is {@code unknown}, obfuscated or
 * malformed the client is {@link ClientAddress#unknown()}. When every hop is a trusted proxy the client is the
 * left-most one; with no hop at all, the peer. At most 32 list elements of at most 512 characters are read from the
 * right; a 33rd element, which no real chain of proxies writes, makes the client unknown. The client's own text
 * further left is never read, so it can neither hide nor forge the address that the first trusted proxy appended.
 * {@code ::ffff:a.b.c.d} is {@code a.b.c.d}, also for the peer; a peer's zone id ({@code fe80::1%eth0}) is dropped,
 * since it names an interface of this host. Thread-safe and immutable.
 */
public final class ClientAddressResolver {

    /**
     * Which forwarding headers the trusted proxies write. A proxy that does not remove a header it does not write
     * lets clients forge it, so name the header your proxies actually manage where you can.
     */
    public enum ForwardingHeaders {
        /** {@code Forwarded} when the request has it, else {@code X-Forwarded-For}; the protocol from the client's
         * {@code Forwarded} element, else the right-most {@code X-Forwarded-Proto}. */
        PREFER_FORWARDED,
        /** {@code Forwarded} only. */
        FORWARDED,
        /** {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only. */
        X_FORWARDED_FOR
    }

    private final CidrSet trustedProxies;
    private final ForwardingHeaders headers;

    /** Trusts the given proxies and reads the headers as {@link ForwardingHeaders#PREFER_FORWARDED}. */
    public ClientAddressResolver(CidrSet trustedProxies) {
        this(trustedProxies, ForwardingHeaders.PREFER_FORWARDED);
    }

    /** Trusts the given proxies and reads only the given headers. */
    public ClientAddressResolver(CidrSet trustedProxies, ForwardingHeaders headers) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** The socket peer, unknown when the container reports no address literal (a Unix socket, say). */
    public ClientAddress peer(RequestView request) {
        InetAddress peer = peerAddress(request);
        return peer == null ? ClientAddress.unknown() : ClientAddress.of(peer, IpLiteral.format(peer));
    }

    /** Whether the socket peer is a trusted proxy, whose forwarding headers are believed. */
    public boolean trustsPeer(RequestView request) {
        InetAddress peer = peerAddress(request);
        return peer != null && trustedProxies.contains(peer);
    }

    /** The client's address: the peer, or behind trusted proxies the first untrusted hop. Never throws. */
    public ClientAddress resolve(RequestView request) {
        InetAddress peer = peerAddress(request);
        if (peer == null) {
            return ClientAddress.unknown();
        }
        HopReader hops = trustedProxies.contains(peer) ? hops(request) : null;
        Hop client = hops == null ? null : walk(hops);
        if (client == null) {
            return ClientAddress.of(peer, IpLiteral.format(peer));
        }
        return client.address() == null ? ClientAddress.unknown() : ClientAddress.of(client.address(), IpLiteral.format(client.address()));
    }

    /**
     * Whether the client reached the first proxy, or this server, over HTTPS: the container's view, overridden behind
     * a trusted peer by the forwarded protocol, compared case-insensitively with {@code https}.
     */
    public boolean https(RequestView request) {
        if (!trustsPeer(request)) {
            return request.secure();
        }
        String proto = forwardedProto(request);
        return proto == null ? request.secure() : isHttps(proto);
    }

    private HopReader hops(RequestView request) {
        if (headers != ForwardingHeaders.X_FORWARDED_FOR) {
            List<String> forwarded = request.headers("Forwarded");
            if (!forwarded.isEmpty()) {
                return new ForwardedHeader(forwarded);
            }
            if (headers == ForwardingHeaders.FORWARDED) {
                return null;
            }
        }
        List<String> xForwardedFor = request.headers("X-Forwarded-For");
        return xForwardedFor.isEmpty() ? null : new XForwardedForHeader(xForwardedFor);
    }

    /** The first hop that is not a trusted proxy, else the left-most hop, else {@code null} when there is none. */
    private Hop walk(HopReader hops) {
        Hop leftMost = null;
        for (Hop hop = hops.next(); hop != null; hop = hops.next()) {
            if (hop.address() == null || !trustedProxies.contains(hop.address())) {
                return hop;
            }
            leftMost = hop;
        }
        return leftMost;
    }

    /**
     * The protocol of the client's {@code Forwarded} element, which the proxy that received the client's connection
     * wrote, or the right-most {@code X-Forwarded-Proto}, which the nearest proxy wrote; {@code null} when neither.
     */
    private String forwardedProto(RequestView request) {
        if (headers != ForwardingHeaders.X_FORWARDED_FOR) {
            List<String> forwarded = request.headers("Forwarded");
            Hop client = forwarded.isEmpty() ? null : walk(new ForwardedHeader(forwarded));
            if (client != null && client.proto() != null) {
                return client.proto();
            }
            if (headers == ForwardingHeaders.FORWARDED) {
                return null;
            }
        }
        ReverseElements protos = new ReverseElements(request.headers("X-Forwarded-Proto"), false);
        while (protos.previous()) {
            String proto = protos.element();
            if (proto == null) {
                return "";
            }
            if (!proto.isEmpty()) {
                return proto;
            }
        }
        return null;
    }

    /** ASCII case-insensitive: {@link String#equalsIgnoreCase} would also take {@code httpſ} (U+017F). */
    private static boolean isHttps(String proto) {
        if (proto.length() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if ((proto.charAt(i) | 0x20) != "https".charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress peerAddress(RequestView request) {
        String text = request.peerAddress();
        if (text == null) {
            return null;
        }
        int zone = text.indexOf('%');
        return IpLiteral.parse(text, 0, zone < 0 ? text.length() : zone);
    }
}
