package dev.apigw.security.cors;

import java.net.IDN;

/**
 * Says why a configured text is not an origin, for start-up errors that name the mistake and the fix, and quotes
 * configuration text safely for an operator's terminal.
 */
final class OriginDiagnosis {

    private OriginDiagnosis() {
    }

    /** What is wrong with {@code text}, shown to the operator as {@code shown} (the entry as written). */
    static String whyNot(String text, String shown) {
        String quoted = quote(shown);
        String hint = " (write scheme://host[:port], e.g. https://app.example.com)";
        int sep = text.indexOf("://");
        String rest = sep < 0 ? text : text.substring(sep + 3);
        String scheme = sep < 0 ? "" : text.substring(0, sep);
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return quoted + " is not an origin: it needs the scheme http:// or https://" + hint;
        }
        if (rest.indexOf('/') >= 0 || rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            return quoted + " is not an origin: an origin has no path, query or fragment, not even a trailing /"
                    + hint;
        }
        if (rest.indexOf('@') >= 0) {
            return quoted + " is not an origin: an origin has no user name or password" + hint;
        }
        if (!rest.chars().allMatch(c -> c < 128)) {
            return quoted + " is not an origin: browsers send an internationalised name as punycode; write "
                    + punycode(text, sep);
        }
        return quoted + " is not an origin: the host or port is malformed" + hint;
    }

    /**
     * The text in quotes for an operator's terminal: control and format characters (bidi overrides) escaped, cut
     * after 80 characters.
     */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().limit(80).forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append(text.codePointCount(0, text.length()) > 80 ? "\"..." : "\"").toString();
    }

    private static String punycode(String text, int sep) {
        try {
            String rest = text.substring(sep + 3);
            int colon = rest.lastIndexOf(':');
            String host = colon < 0 ? rest : rest.substring(0, colon);
            return text.substring(0, sep + 3) + IDN.toASCII(host) + (colon < 0 ? "" : rest.substring(colon));
        } catch (IllegalArgumentException e) {
            return "its xn-- form";
        }
    }
}
