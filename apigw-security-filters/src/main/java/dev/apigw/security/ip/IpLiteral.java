package dev.apigw.security.ip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text form of IP addresses: parses a literal into an {@link InetAddress} without ever resolving a name, and
 * writes an address in its canonical form.
 *
 * <p>{@link InetAddress#getByName} falls back to DNS for anything that is not a literal and accepts legacy IPv4 forms
 * ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1}) that other components read differently, so untrusted text
 * never goes near it. IPv4 here is the dotted quad of RFC 3986 §3.2.2 ({@code dec-octet}: no leading zeros); IPv6 is
 * every text form of RFC 4291 §2.2, hex digits in either case, optionally in brackets (RFC 3986 {@code IP-literal}).
 * A zone id ({@code fe80::1%eth0}, RFC 6874) is refused: it names an interface of the host that wrote it and says
 * nothing about the client. An IPv4-mapped address ({@code ::ffff:a.b.c.d}, RFC 4291 §2.5.5.2) comes back as its IPv4
 * address, so that one client has one address. Text longer than the longest literal is refused before it is read.
 */
public final class IpLiteral {

    /** The longest literal: eight groups with an IPv4 tail ({@code ffff:...:255.255.255.255}) in brackets. */
    static final int MAX_LENGTH = 47;

    private IpLiteral() {
    }

    /** Parses an IPv4 or IPv6 literal; empty for anything else, including {@code null}. Never throws. */
    public static Optional<InetAddress> parse(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(parse(text, 0, text.length()));
    }

    /** Writes an address in its canonical form: dotted quad, or RFC 5952 §4 for IPv6 ({@code 2001:db8::1}). */
    public static String format(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? address.getHostAddress() : formatIpv6(bytes);
    }

    /** Parses {@code text[from, to)}; {@code null} when it is not a literal. */
    static InetAddress parse(CharSequence text, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LENGTH) {
            return null;
        }
        if (text.charAt(from) == '[') {
            return text.charAt(to - 1) == ']' ? parseIpv6(text, from + 1, to - 1) : null;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return parseIpv6(text, from, to);
            }
        }
        byte[] bytes = new byte[4];
        return parseIpv4(text, from, to, bytes, 0) ? toAddress(bytes) : null;
    }

    /** Reads a strict dotted quad into {@code out[offset..offset+3]}. */
    private static boolean parseIpv4(CharSequence text, int from, int to, byte[] out, int offset) {
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            // Only ASCII digits: Character.isDigit would also take Arabic-Indic and other Unicode digits.
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            out[offset + part] = (byte) value;
        }
        return i == to;
    }

    private static InetAddress parseIpv6(CharSequence text, int from, int to) {
        byte[] bytes = new byte[16];
        int groups = 0;
        int gap = -1;
        int i = from;
        if (to - from >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            if (groups == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            for (int digit; i < to && i - start < 4 && (digit = hex(text.charAt(i))) >= 0; i++) {
                value = (value << 4) | digit;
            }
            if (i < to && text.charAt(i) == '.') {
                // An IPv4 tail takes the last two groups and ends the address (RFC 4291 §2.2, form 3).
                if (groups > 6 || !parseIpv4(text, start, to, bytes, 2 * groups)) {
                    return null;
                }
                groups += 2;
                break;
            }
            if (i == start) {
                return null;
            }
            bytes[2 * groups] = (byte) (value >>> 8);
            bytes[2 * groups + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':' || ++i == to) {
                return null;
            }
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = groups;
                i++;
            }
        }
        return expandGap(bytes, groups, gap) ? toAddress(bytes) : null;
    }

    /** Moves the groups after {@code ::} to the end; {@code ::} stands for at least one zero group. */
    private static boolean expandGap(byte[] bytes, int groups, int gap) {
        if (gap < 0) {
            return groups == 8;
        }
        if (groups == 8) {
            return false;
        }
        int tailBytes = 2 * (groups - gap);
        System.arraycopy(bytes, 2 * gap, bytes, 16 - tailBytes, tailBytes);
        Arrays.fill(bytes, 2 * gap, 16 - tailBytes, (byte) 0);
        return true;
    }

    /** The value of an ASCII hex digit, else -1; {@link Character#digit} would also take fullwidth digits. */
    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
    }

    /** Builds the address from 4 or 16 bytes, which never consults a resolver. */
    static InetAddress toAddress(byte[] bytes) {
        try {
            if (bytes.length == 16 && AddressBits.isMappedIpv4(bytes)) {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an address of 4 or 16 bytes was refused", impossible);
        }
    }

    private static String formatIpv6(byte[] bytes) {
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            int end = g;
            while (end < 8 && group(bytes, end) == 0) {
                end++;
            }
            if (end - g > bestLength) {
                bestStart = g;
                bestLength = end - g;
            }
            g = Math.max(end, g + 1);
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(group(bytes, g)));
        }
        return out.toString();
    }

    private static int group(byte[] bytes, int index) {
        return ((bytes[2 * index] & 0xff) << 8) | (bytes[2 * index + 1] & 0xff);
    }
}
