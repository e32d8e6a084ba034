package dev.apigw.security.ip;

import java.net.InetAddress;

/**
 * One hop named by a forwarding header: the address of whoever connected to the proxy that wrote it, and the
 * protocol of that connection where the header says so.
 *
 * @param address the address; {@code null} when the hop is {@code unknown}, obfuscated or malformed
 * @param proto   the protocol ({@code Forwarded: proto=}), or {@code null} when not stated
 */
record Hop(InetAddress address, String proto) {

    /** A hop that names no usable address and no protocol. */
    static final Hop UNKNOWN = new Hop(null, null);
}
