package dev.apigw.security.ip;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A range of IP addresses in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), such as {@code 10.0.0.0/8} or
 * {@code 2001:db8::/32}; a bare address is a range of one ({@code /32} or {@code /128}).
 *
 * <p>A range with host bits set is refused rather than masked, because {@code 10.0.0.1/8} in a configuration is as
 * likely a typo for {@code /32} as a wish for all of {@code 10.0.0.0/8}. An IPv4-mapped range
 * ({@code ::ffff:10.0.0.0/104}) is held as its IPv4 range, like every address in this package.
 */
public final class Cidr {

    private final InetAddress network;
    private final int prefixLength;
    private final boolean ipv4;
    // The network and its mask as a 128-bit number; an IPv4 range lives in the low 32 bits of the low half.
    private final long high;
    private final long low;
    private final long maskHigh;
    private final long maskLow;

    private Cidr(InetAddress network, int prefixLength) {
        byte[] bytes = network.getAddress();
        this.network = network;
        this.prefixLength = prefixLength;
        this.ipv4 = bytes.length == 4;
        this.high = ipv4 ? 0 : AddressBits.high(bytes);
        this.low = ipv4 ? AddressBits.ipv4(bytes) : AddressBits.low(bytes);
        this.maskHigh = ipv4 ? 0 : mask(prefixLength);
        this.maskLow = ipv4 ? mask(prefixLength + 32) & 0xFFFF_FFFFL : mask(prefixLength - 64);
    }

    /**
     * Parses {@code address/prefix} or a bare address.
     *
     * @throws IllegalArgumentException saying what is wrong and, for host bits, which range was probably meant
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressText).orElseThrow(() -> new IllegalArgumentException(
                quote(text) + " is not a CIDR range: " + quote(addressText) + " is not an IPv4 or IPv6 address"
                        + " (write e.g. 10.0.0.0/8 or 2001:db8::/32; host names are not allowed)"));
        boolean ipv4 = address.getAddress().length == 4;
        boolean writtenAsIpv6 = addressText.indexOf(':') >= 0;
        int max = writtenAsIpv6 ? 128 : 32;
        int prefix = slash < 0 ? max : prefixLength(text, slash + 1, max);
        if (ipv4 && writtenAsIpv6) {
            prefix = mappedPrefix(text, prefix);
        }
        Cidr cidr = new Cidr(address, prefix);
        if (cidr.hasHostBits()) {
            throw new IllegalArgumentException(text + " has host bits set; did you mean " + cidr.masked() + "?");
        }
        return cidr;
    }

    /** Whether the address is in this range; an IPv4-mapped IPv6 address counts as its IPv4 address. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (AddressBits.isIpv4(bytes)) {
            return ipv4 && (AddressBits.ipv4(bytes) & maskLow) == low;
        }
        return !ipv4 && (AddressBits.high(bytes) & maskHigh) == high
                && (AddressBits.low(bytes) & maskLow) == low;
    }

    /** The first address of the range. */
    public InetAddress network() {
        return network;
    }

    /** The number of leading bits that every address in the range shares. */
    public int prefixLength() {
        return prefixLength;
    }

    /** Whether this is an IPv4 range. */
    public boolean isIpv4() {
        return ipv4;
    }

    /** The range in canonical form, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return IpLiteral.format(network) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && ipv4 == other.ipv4 && prefixLength == other.prefixLength
                && high == other.high && low == other.low;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv4, prefixLength, high, low);
    }

    long firstHigh() {
        return high;
    }

    long firstLow() {
        return low;
    }

    long lastHigh() {
        return ipv4 ? 0 : high | ~maskHigh;
    }

    long lastLow() {
        return low | (ipv4 ? ~maskLow & 0xFFFF_FFFFL : ~maskLow);
    }

    /** The top {@code bits} bits of a long set; none below 1, all above 63. */
    private static long mask(int bits) {
        return bits <= 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
    }

    private boolean hasHostBits() {
        return (high & ~maskHigh) != 0 || (low & ~maskLow) != 0;
    }

    private String masked() {
        byte[] bytes = new byte[ipv4 ? 4 : 16];
        long maskedHigh = high & maskHigh;
        long maskedLow = low & maskLow;
        for (int i = bytes.length - 1, shift = 0; i >= 0; i--, shift += 8) {
            bytes[i] = (byte) (shift < 64 ? maskedLow >>> shift : maskedHigh >>> (shift - 64));
        }
        return IpLiteral.format(IpLiteral.toAddress(bytes)) + "/" + prefixLength;
    }

    private static int prefixLength(String text, int from, int max) {
        int length = text.length() - from;
        boolean digitsOnly = length > 0 && length <= 3;
        for (int i = from; digitsOnly && i < text.length(); i++) {
            digitsOnly = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        if (!digitsOnly || (length > 1 && text.charAt(from) == '0')) {
            throw new IllegalArgumentException(quote(text) + " is not a CIDR range: the prefix length after \"/\""
                    + " must be a number from 0 to " + max);
        }
        int prefix = Integer.parseInt(text, from, text.length(), 10);
        if (prefix > max) {
            throw new IllegalArgumentException(quote(text) + ": prefix length " + prefix + " is out of range for "
                    + (max == 32 ? "IPv4" : "IPv6") + " (0 to " + max + ")");
        }
        return prefix;
    }

    /** An IPv4-mapped range written in IPv6 covers IPv4 addresses only when its prefix reaches into the tail. */
    private static int mappedPrefix(String text, int prefix) {
        if (prefix < 96) {
            throw new IllegalArgumentException(quote(text) + " is an IPv4-mapped range shorter than /96, which"
                    + " mixes IPv4 and IPv6 addresses; write the IPv4 range instead (e.g. 10.0.0.0/8)");
        }
        return prefix - 96;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
