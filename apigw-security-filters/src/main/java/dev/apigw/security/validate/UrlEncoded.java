package dev.apigw.security.validate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text (WHATWG URL §5.1) into decoded parameters: the raw query
 * string, without touching the request body that {@code getParameter} would read, and form bodies, always as UTF-8
 * as the WHATWG parser does, so that the controls and the application read the same fields.
 *
 * <p>Lenient where leniency cannot hide anything: a malformed escape is kept literally, as browsers do, so that
 * {@code secret_in_query} and later signature checks see what the application would see. Bounded: at most
 * {@link #MAX_PARAMETERS} parameters are kept.
 */
public final class UrlEncoded {

    /** The most parameters kept; the rest are dropped, for the controls and the application alike. */
    public static final int MAX_PARAMETERS = 1000;

    private UrlEncoded() {
    }

    /** The decoded parameters of a raw query string or form body, in order of first appearance. */
    public static Map<String, List<String>> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        while (start <= raw.length() && count < MAX_PARAMETERS) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                int eq = raw.indexOf('=', start);
                boolean hasValue = eq >= 0 && eq < end;
                String name = decode(raw, start, hasValue ? eq : end);
                String value = hasValue ? decode(raw, eq + 1, end) : "";
                params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                count++;
            }
            start = end + 1;
        }
        params.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(params);
    }

    static String decode(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            char c = s.charAt(i);
            plain = c != '%' && c != '+';
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%' && i + 2 < to && HexFormat.isHexDigit(s.charAt(i + 1)) && HexFormat.isHexDigit(s.charAt(i + 2))) {
                // HexFormat takes ASCII digits only; Character.digit would also take fullwidth ones.
                bytes.write(HexFormat.fromHexDigit(s.charAt(i + 1)) * 16 + HexFormat.fromHexDigit(s.charAt(i + 2)));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        // Invalid UTF-8 becomes U+FFFD, never an exception.
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
