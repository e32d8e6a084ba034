package dev.apigw.security.validate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A media type as a {@code Content-Type} header or a route's {@code contentTypes} names it (RFC 9110 §8.3.1):
 * type and subtype compared case-insensitively, parameters ignored except {@code charset}.
 *
 * @param type    the top-level type in lower case, or {@code *}
 * @param subtype the subtype in lower case, or {@code *}
 * @param charset the {@code charset} parameter in lower case without quotes, or {@code null}
 */
public record MediaType(String type, String subtype, String charset) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");

    /**
     * Reads a {@code Content-Type} value or a configured media type.
     *
     * @return the media type, or {@code null} where the text is not one
     */
    public static MediaType parse(String text) {
        if (text == null || text.length() > 1024) {
            return null;
        }
        String[] parts = text.split(";", -1);
        String essence = parts[0].strip().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String type = essence.substring(0, slash);
        String subtype = essence.substring(slash + 1);
        if (!TOKEN.matcher(type).matches() || !TOKEN.matcher(subtype).matches()) {
            return null;
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                charset = unquote(parameter.substring(eq + 1).strip()).toLowerCase(Locale.ROOT);
            }
        }
        return new MediaType(type, subtype, charset);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code application/json}, or a structured {@code +json} type such as {@code application/merge-patch+json}. */
    public boolean isJson() {
        return type.equals("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /** {@code application/x-www-form-urlencoded}. */
    public boolean isForm() {
        return type.equals("application") && subtype.equals("x-www-form-urlencoded");
    }

    /** Whether this allow-list entry, which may use {@code *}, covers {@code other}. */
    public boolean includes(MediaType other) {
        return (type.equals("*") || type.equals(other.type))
                && (subtype.equals("*") || subtype.equals(other.subtype));
    }

    /** Whether the charset is absent or UTF-8, the only encoding this library decodes JSON and forms in. */
    public boolean utf8OrUnstated() {
        return charset == null || charset.equals("utf-8") || charset.equals("utf8");
    }

    /** {@code type/subtype}, without parameters. */
    @Override
    public String toString() {
        return type + "/" + subtype;
    }
}
