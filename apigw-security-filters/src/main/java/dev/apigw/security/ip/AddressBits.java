package dev.apigw.security.ip;

/**
 * The bytes of an IP address read as the unsigned number that range arithmetic works on: 32 bits for IPv4, two
 * 64-bit halves for IPv6.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, RFC 4291 §2.5.5.2) is read as its IPv4 address, so that the
 * same client never falls into a different family depending on how its socket was opened.
 */
final class AddressBits {

    private AddressBits() {
    }

    /** Whether an address of 4 or 16 bytes is looked up as IPv4. */
    static boolean isIpv4(byte[] bytes) {
        return bytes.length == 4 || isMappedIpv4(bytes);
    }

    /** Whether 16 bytes are {@code ::ffff:a.b.c.d}. */
    static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** The IPv4 address, from 4 bytes or the tail of an IPv4-mapped address. */
    static long ipv4(byte[] bytes) {
        int o = bytes.length - 4;
        return (bytes[o] & 0xffL) << 24 | (bytes[o + 1] & 0xffL) << 16 | (bytes[o + 2] & 0xffL) << 8
                | (bytes[o + 3] & 0xffL);
    }

    /** The upper 64 bits of an IPv6 address. */
    static long high(byte[] bytes) {
        return bits(bytes, 0);
    }

    /** The lower 64 bits of an IPv6 address. */
    static long low(byte[] bytes) {
        return bits(bytes, 8);
    }

    private static long bits(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xffL);
        }
        return value;
    }
}
