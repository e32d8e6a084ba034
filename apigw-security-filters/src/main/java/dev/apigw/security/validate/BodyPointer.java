package dev.apigw.security.validate;

import com.networknt.schema.path.NodePath;

/**
 * JSON Pointers (RFC 6901) into a request body, as a validation error shows them: property names come from the
 * client, so each segment is escaped and cut to {@value #MAX_SEGMENT} characters, and a whole pointer to
 * {@value #MAX_POINTER}, keeping an answer of twenty errors small whatever the body holds.
 */
final class BodyPointer {

    static final int MAX_SEGMENT = 64;
    static final int MAX_POINTER = 256;

    private BodyPointer() {
    }

    /** The pointer of a location the schema validator reports, each segment escaped and cut. */
    static String of(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount() && pointer.length() <= MAX_POINTER; i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(element instanceof Integer ? element.toString() : segment(element.toString()));
        }
        return shown(pointer.toString());
    }

    /** The pointer to {@code name} inside the object at {@code parent}. */
    static String child(String parent, String name) {
        return shown(parent + "/" + segment(name));
    }

    private static String segment(String name) {
        String cut = name.length() > MAX_SEGMENT ? name.substring(0, MAX_SEGMENT) + "..." : name;
        return cut.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer, cut to {@value #MAX_POINTER} characters. */
    static String shown(String pointer) {
        return pointer.length() > MAX_POINTER ? pointer.substring(0, MAX_POINTER) + "..." : pointer;
    }
}
