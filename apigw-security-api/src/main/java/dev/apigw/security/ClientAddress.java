package dev.apigw.security;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The address of the client as far as it can be trusted: the socket peer, or the first untrusted hop named by a
 * trusted proxy (RFC 7239 §5.2, {@code X-Forwarded-For}).
 *
 * <p>An unknown client ({@code unknown}, an obfuscated identifier or a malformed hop) has no address and matches no
 * allow rule. An IPv4-mapped IPv6 address is always held in its IPv4 form.
 */
public final class ClientAddress {

    private static final ClientAddress UNKNOWN = new ClientAddress(null, "unknown");

    private final InetAddress address;
    private final String text;

    private ClientAddress(InetAddress address, String text) {
        this.address = address;
        this.text = text;
    }

    /** A known client at the given address; the address must not have been obtained through a name lookup. */
    public static ClientAddress of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return new ClientAddress(address, address.getHostAddress());
    }

    /**
     * A known client at the given address, written as {@code text} (the canonical form, e.g. RFC 5952 for IPv6, which
     * {@link InetAddress#getHostAddress()} does not produce).
     */
    public static ClientAddress of(InetAddress address, String text) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(text, "text");
        return new ClientAddress(address, text);
    }

    /** The client that cannot be identified. */
    public static ClientAddress unknown() {
        return UNKNOWN;
    }

    /** Whether an address is known. */
    public boolean known() {
        return address != null;
    }

    /** The address, or {@code null} when unknown. */
    public InetAddress address() {
        return address;
    }

    /** The address as text ({@code unknown} when unknown), for logs and audit records. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientAddress other && Objects.equals(address, other.address) && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
