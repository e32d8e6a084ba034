package dev.apigw.security.cors;

import dev.apigw.security.ip.IpLiteral;

/**
 * The host forms an origin may carry besides an IPv6 literal: a domain name of ASCII labels or an IPv4 dotted quad.
 *
 * <p>Labels are 1 to 63 letters, digits, {@code -} or {@code _} (WHATWG URL forbids none of them in a host), 253
 * characters in all, so an empty label ({@code a..b}, a leading or trailing dot) is refused. A host whose last label
 * is a number is an IPv4 address to a browser (WHATWG URL "ends in a number"), which serialises it as a dotted
 * quad; any other numeric form ({@code 127.1}) is therefore refused rather than read differently from the browser.
 */
final class DomainName {

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private DomainName() {
    }

    /** Whether {@code host} is a domain name or a strict dotted quad, in either case. */
    static boolean isValid(String host) {
        int length = host.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || host.charAt(i) == '.') {
                if (i - labelStart < 1 || i - labelStart > MAX_LABEL) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLabelChar(host.charAt(i))) {
                return false;
            }
        }
        return !endsInNumber(host) || isIpv4(host);
    }

    /** Whether {@code host} is an IPv4 dotted quad. */
    static boolean isIpv4(String host) {
        return host.indexOf(':') < 0 && IpLiteral.parse(host).isPresent();
    }

    /** The number of labels. */
    static int labels(String host) {
        int n = 1;
        for (int i = 0; i < host.length(); i++) {
            n += host.charAt(i) == '.' ? 1 : 0;
        }
        return n;
    }

    /** Whether the last label is all digits or a {@code 0x} number, which a browser reads as an IPv4 address. */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.length() > 1 && (last.startsWith("0x") || last.startsWith("0X"))) {
            return true;
        }
        for (int i = 0; i < last.length(); i++) {
            if (last.charAt(i) < '0' || last.charAt(i) > '9') {
                return false;
            }
        }
        return !last.isEmpty();
    }

    private static boolean isLabelChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
