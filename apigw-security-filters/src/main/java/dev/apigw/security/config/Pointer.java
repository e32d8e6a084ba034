package dev.apigw.security.config;

import com.networknt.schema.path.NodePath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JSON Pointers (RFC 6901) as plain strings: building them, ordering them and showing them in messages.
 *
 * <p>Strings rather than {@code tools.jackson.core.JsonPointer} because the pointer is part of the public error
 * type and is compared, sorted and printed far more often than it is navigated.
 */
final class Pointer {

    /** The whole document. */
    static final String ROOT = "";

    /** Orders {@code /routes/2} before {@code /routes/10}: index segments compare as numbers. */
    static final Comparator<String> ORDER = Pointer::compare;

    private static final int MAX_SHOWN = 200;

    private Pointer() {
    }

    static String child(String parent, String key) {
        return parent + '/' + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + '/' + index;
    }

    /** The pointer of a location the schema validator reports. */
    static String of(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append(element instanceof Integer index ? child("", index) : child("", String.valueOf(element)));
        }
        return out.toString();
    }

    /** The pointer of the node that holds this one; the root has none, and is returned as is. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? ROOT : pointer.substring(0, slash);
    }

    /** The unescaped last reference token, the key or index under the parent. */
    static String last(String pointer) {
        List<String> all = segments(pointer);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }

    /** The unescaped reference tokens of a pointer. */
    static List<String> segments(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /**
     * The pointer as an error message shows it. The whole document ({@code ""}) is shown as {@code /}, which is
     * what operators expect to read; keys come from the file, so they are escaped and the result is bounded.
     */
    static String display(String pointer) {
        return pointer.isEmpty() ? "/" : Quoted.plain(pointer, MAX_SHOWN);
    }

    private static int compare(String a, String b) {
        List<String> left = segments(a);
        List<String> right = segments(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int c = compareSegment(left.get(i), right.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareSegment(String a, String b) {
        if (isIndex(a) && isIndex(b)) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return false;
        }
        return segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
