package dev.apigw.security.ip;

import java.net.InetAddress;

/**
 * Reads the node a forwarding header names into an address (RFC 7239 §6): an IPv4 address or a bracketed IPv6
 * address, each with an optional port, which is checked and dropped.
 *
 * <p>{@code unknown} (§6.2), obfuscated identifiers such as {@code _hidden} (§6.3) and anything malformed give
 * {@code null}: none of them names an address that a policy could be checked against. A bare IPv6 address is
 * accepted only where the caller allows it ({@code X-Forwarded-For}); RFC 7239 requires brackets, and without them
 * {@code 2001:db8::1:4711} could be an address or an address and a port.
 */
final class ForwardedNode {

    private ForwardedNode() {
    }

    /** The address of a node, or {@code null} when it names none. */
    static InetAddress parse(String node, boolean bareIpv6) {
        int length = node.length();
        if (length == 0) {
            return null;
        }
        int hostEnd;
        if (node.charAt(0) == '[') {
            hostEnd = node.indexOf(']') + 1;
            if (hostEnd == 0) {
                return null;
            }
        } else {
            int colon = node.indexOf(':');
            if (colon >= 0 && node.indexOf(':', colon + 1) >= 0) {
                return bareIpv6 ? IpLiteral.parse(node, 0, length) : null;
            }
            hostEnd = colon < 0 ? length : colon;
        }
        if (hostEnd < length && (node.charAt(hostEnd) != ':' || !isPort(node, hostEnd + 1, length))) {
            return null;
        }
        // Inside brackets only IPv6 text parses; without them only a dotted quad, as there is no colon left.
        return IpLiteral.parse(node, 0, hostEnd);
    }

    /** {@code node-port = port / obfport} (RFC 7239 §6): 1 to 5 digits, or "_" and obfuscation characters. */
    private static boolean isPort(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        if (text.charAt(from) == '_') {
            return to - from > 1 && obfuscationCharsOnly(text, from + 1, to);
        }
        if (to - from > 5) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean obfuscationCharsOnly(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
