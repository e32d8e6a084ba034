package dev.apigw.security.ip;

import java.util.List;

/**
 * Reads the hops of {@code X-Forwarded-For} from right to left.
 *
 * <p>The header has no specification; in practice it is a comma-separated list of bare addresses, one appended by
 * each proxy. Accepted per element: an IPv4 or IPv6 address, a bracketed IPv6 address, and either with a port
 * ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}), which some load balancers append; a bare IPv6 address is
 * read whole, never as address and port. Anything else, {@code unknown} included, is a hop without an address.
 */
final class XForwardedForHeader implements HopReader {

    private final ReverseElements elements;

    XForwardedForHeader(List<String> lines) {
        this.elements = new ReverseElements(lines, false);
    }

    @Override
    public Hop next() {
        while (elements.previous()) {
            String element = elements.element();
            if (element == null) {
                return Hop.UNKNOWN;
            }
            if (!element.isEmpty()) {
                return new Hop(ForwardedNode.parse(element, true), null);
            }
        }
        return null;
    }
}
