package dev.apigw.security.validate.signature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The excluded fields of {@link AttackSignatureSettings}, split into JSON pointers and names, with matching that
 * costs at most one pass over the field.
 */
final class FieldExclusions {

    static final FieldExclusions NONE = new FieldExclusions(Set.of());

    private final List<String> pointers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> lowerCaseNames = new HashSet<>();

    FieldExclusions(Set<String> fields) {
        for (String field : fields) {
            if (field.startsWith("/")) {
                pointers.add(field);
            } else {
                names.add(field);
                lowerCaseNames.add(field.toLowerCase(Locale.ROOT));
            }
        }
    }

    boolean isEmpty() {
        return pointers.isEmpty() && names.isEmpty();
    }

    /** A query parameter, form field or cookie name. */
    boolean excludesName(String name) {
        return names.contains(name);
    }

    /** Header names are case-insensitive (RFC 9110 §5.1). */
    boolean excludesHeader(String name) {
        return !lowerCaseNames.isEmpty() && lowerCaseNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A body field: a JSON pointer, or a form field name. */
    boolean excludesBodyField(String field) {
        if (!field.startsWith("/")) {
            return names.contains(field);
        }
        for (String pattern : pointers) {
            if (covers(pattern, field)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code pointer} is {@code pattern} or lies below it; a {@code *} segment matches any one segment. */
    static boolean covers(String pattern, String pointer) {
        int p = 0;
        int f = 0;
        while (p < pattern.length()) {
            if (f >= pointer.length() || pointer.charAt(f) != '/') {
                return false;
            }
            int pe = segmentEnd(pattern, p);
            int fe = segmentEnd(pointer, f);
            boolean wildcard = pe - p == 2 && pattern.charAt(p + 1) == '*';
            if (!wildcard && (pe - p != fe - f || !pattern.regionMatches(p, pointer, f, pe - p))) {
                return false;
            }
            p = pe;
            f = fe;
        }
        return true;
    }

    private static int segmentEnd(String pointer, int slash) {
        int end = pointer.indexOf('/', slash + 1);
        return end < 0 ? pointer.length() : end;
    }
}
