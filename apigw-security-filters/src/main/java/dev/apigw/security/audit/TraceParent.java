package dev.apigw.security.audit;

/**
 * Reads the trace id of a W3C Trace Context {@code traceparent} header (§3.2), so the audit record and the MDC can be
 * joined with the caller's traces. The header itself passes through to the application untouched.
 */
public final class TraceParent {

    private TraceParent() {
    }

    /**
     * The 32-hex-digit trace id, or {@code null} when the header is absent or not well formed: version {@code 00}
     * exactly 55 characters, lower-case hex, neither the trace id nor the parent id all zeros; later versions are
     * read by their first four fields as §4.3 asks.
     */
    public static String traceId(String header) {
        if (header == null || header.length() < 55 || header.length() > 512) {
            return null;
        }
        boolean version00 = header.startsWith("00");
        if ((version00 && header.length() != 55) || header.startsWith("ff")
                || !hex(header, 0, 2) || header.charAt(2) != '-' || !hex(header, 3, 35) || header.charAt(35) != '-'
                || !hex(header, 36, 52) || header.charAt(52) != '-' || !hex(header, 53, 55)
                || (!version00 && header.length() > 55 && header.charAt(55) != '-')
                || zeros(header, 3, 35) || zeros(header, 36, 52)) {
            return null;
        }
        return header.substring(3, 35);
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
