package dev.apigw.security.throttle;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Identity;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * How limits tell clients apart: an address, or an authenticated principal.
 *
 * <p>An IPv6 client counts by its /64 prefix, the block a single subscriber or LAN gets (RFC 6177), because
 * rotating through the addresses of one's own /64 costs nothing and would otherwise get a fresh bucket and a fresh
 * lockout every time. An IPv4 client counts by its address. Clients whose address could not be trusted share the key
 * {@code unknown}. A principal counts under its authentication method, so that {@code alice} of one method is never
 * {@code alice} of another.
 */
final class ClientKeys {

    private ClientKeys() {
    }

    /** The key of a client address: {@code 203.0.113.5}, {@code 2001:db8:1:2::/64} or {@code unknown}. */
    static String address(ClientAddress client) {
        if (!client.known()) {
            return "unknown";
        }
        InetAddress a = client.address();
        if (!(a instanceof Inet6Address)) {
            return client.text();
        }
        byte[] b = a.getAddress();
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return sb.append(":/64").toString();
    }

    /** The key of an authenticated principal, e.g. {@code jwt:alice}. */
    static String principal(Identity identity) {
        return identity.authMethod() + ":" + identity.principal();
    }

    /** The key a usage plan counts: the API key id, or the principal where the identity has no key id. */
    static String apiKey(Identity identity) {
        return identity.apiKeyId() != null ? "key:" + identity.apiKeyId() : principal(identity);
    }
}
