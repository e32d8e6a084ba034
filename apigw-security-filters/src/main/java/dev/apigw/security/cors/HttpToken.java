package dev.apigw.security.cors;

import java.util.List;

/**
 * The {@code token} of RFC 9110 §5.6.2, the syntax of method and header names: configured names are checked with it,
 * and names a preflight asks for must be tokens before they are compared or echoed.
 */
final class HttpToken {

    private HttpToken() {
    }

    static boolean isToken(CharSequence text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean tchar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                return false;
            }
        }
        return true;
    }

    /** The values, each checked to be a token. */
    static List<String> checked(String option, String... values) {
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null || !isToken(v, 0, v.length())) {
                throw new IllegalArgumentException(option + "[" + i + "]: " + (v == null ? "null"
                        : OriginDiagnosis.quote(v)) + " is not a method or header name (an RFC 9110 token such as"
                        + " X-Api-Key)");
            }
        }
        return List.of(values);
    }
}
