package dev.apigw.security.transport;

import dev.apigw.security.RequestView;
import dev.apigw.security.ip.IpLiteral;

import java.nio.charset.StandardCharsets;

/**
 * Builds the {@code Location} of the redirect from plain HTTP to HTTPS: {@code https://host[:port]/path?query}.
 *
 * <p>The host comes from the request, so from the client. It is used only when it is a host name of RFC 1123 §2.1
 * (letters, digits and hyphens; no trailing dot, no underscore) or an IP literal; anything else, which is where open
 * redirects and header injection start, gets no redirect. A name that ends in a number ({@code 127.1},
 * {@code 0x7f.1}) passes only as a strict dotted quad, because browsers read it as an IPv4 address (WHATWG URL,
 * "ends in a number"). The path, already decoded by the request view, is encoded again, and the raw query is kept
 * but for characters a URI may not hold (RFC 3986 §3.3, §3.4), so that CR, LF or spaces can never reach the header.
 */
final class HttpsRedirect {

    private static final int MAX_HOST_NAME = 253;
    private static final String PATH_CHARS = "-._~!$&'()*+,=:@/";
    private static final String QUERY_CHARS = PATH_CHARS + ";?%";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HttpsRedirect() {
    }

    /** The redirect target, or {@code null} when the request's server name is not fit for one. */
    static String location(RequestView request, int httpsPort) {
        String host = host(request.serverName());
        if (host == null) {
            return null;
        }
        String path = request.path() == null ? "" : request.path();
        String query = request.rawQuery();
        int length = 16 + host.length() + path.length() + (query == null ? 0 : query.length());
        StringBuilder out = new StringBuilder(length);
        out.append("https://").append(host);
        if (httpsPort != 443) {
            out.append(':').append(httpsPort);
        }
        if (!path.startsWith("/")) {
            out.append('/');
        }
        appendEncoded(out, path, PATH_CHARS);
        if (query != null) {
            appendEncoded(out.append('?'), query, QUERY_CHARS);
        }
        return out.toString();
    }

    /** The host as it may stand in a URL, or {@code null}. */
    static String host(String serverName) {
        if (serverName == null || serverName.isEmpty() || serverName.length() > MAX_HOST_NAME) {
            return null;
        }
        if (serverName.charAt(0) == '[' || serverName.indexOf(':') >= 0) {
            // Only IPv6 holds a colon; the brackets a Host header carries may or may not be left on by the container.
            if (IpLiteral.parse(serverName).isEmpty()) {
                return null;
            }
            return serverName.charAt(0) == '[' ? serverName : "[" + serverName + "]";
        }
        return isHostName(serverName) ? serverName : null;
    }

    private static boolean isHostName(String name) {
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                if (!isLabel(name, labelStart, i)) {
                    return false;
                }
                if (i < name.length()) {
                    labelStart = i + 1;
                }
            } else if (!isLetterDigitHyphen(name.charAt(i))) {
                return false;
            }
        }
        return !endsInNumber(name, labelStart) || IpLiteral.parse(name).isPresent();
    }

    private static boolean isLabel(String name, int from, int to) {
        int length = to - from;
        return length >= 1 && length <= 63 && name.charAt(from) != '-' && name.charAt(to - 1) != '-';
    }

    private static boolean isLetterDigitHyphen(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** WHATWG URL's "ends in a number": the last label is all digits, or 0x and hex digits. */
    private static boolean endsInNumber(String name, int lastLabel) {
        boolean hex = name.length() - lastLabel >= 2 && name.charAt(lastLabel) == '0'
                && (name.charAt(lastLabel + 1) == 'x' || name.charAt(lastLabel + 1) == 'X');
        for (int i = hex ? lastLabel + 2 : lastLabel; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hexLetter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!digit && !(hex && hexLetter)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the text, percent-encoding as UTF-8 every character outside ASCII letters, digits and {@code allowed};
     * where {@code %} is allowed, only as the start of a valid escape.
     */
    private static void appendEncoded(StringBuilder out, String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && allowed.indexOf(c) >= 0);
            if (plain && (c != '%' || isEscape(text, i))) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length() && isHex(text.charAt(percent + 1)) && isHex(text.charAt(percent + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
