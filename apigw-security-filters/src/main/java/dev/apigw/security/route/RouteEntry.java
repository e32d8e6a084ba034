package dev.apigw.security.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route as added to a {@link RouteTable.Builder}, before the table is checked as a whole: same-template routes
 * sharing a method are refused, and {@code HEAD} is implied from {@code GET}.
 *
 * @param <T> the type of the route values
 */
final class RouteEntry<T> {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final PathTemplate template;
    private final TreeSet<String> methods;
    private final T value;
    private final int index;

    RouteEntry(PathTemplate template, Set<String> methods, T value, int index) {
        this.template = template;
        this.methods = new TreeSet<>();
        for (String method : Objects.requireNonNull(methods, "methods")) {
            this.methods.add(checkMethod(method, template));
        }
        this.value = Objects.requireNonNull(value, "value");
        this.index = index;
    }

    /** The routes of a table: each template's entries checked against each other, then made into routes. */
    static <T> List<Route<T>> resolve(List<RouteEntry<T>> entries) {
        Map<String, List<RouteEntry<T>>> byShape = new LinkedHashMap<>();
        for (RouteEntry<T> entry : entries) {
            byShape.computeIfAbsent(entry.template.shape(), k -> new ArrayList<>()).add(entry);
        }
        List<Route<T>> routes = new ArrayList<>();
        for (List<RouteEntry<T>> sameShape : byShape.values()) {
            checkNoOverlap(sameShape);
            boolean headListed = sameShape.stream().anyMatch(e -> e.methods.contains("HEAD"));
            for (RouteEntry<T> entry : sameShape) {
                routes.add(entry.toRoute(!headListed));
            }
        }
        return routes;
    }

    private Route<T> toRoute(boolean impliesHead) {
        TreeSet<String> answered = new TreeSet<>(methods);
        if (impliesHead && answered.contains("GET")) {
            answered.add("HEAD");
        }
        return new Route<>(template, List.copyOf(answered), value, index);
    }

    private static <T> void checkNoOverlap(List<RouteEntry<T>> sameShape) {
        for (int i = 0; i < sameShape.size(); i++) {
            for (int j = i + 1; j < sameShape.size(); j++) {
                RouteEntry<T> a = sameShape.get(i);
                RouteEntry<T> b = sameShape.get(j);
                String shared = sharedMethods(a, b);
                if (shared != null) {
                    throw new IllegalArgumentException(a.describe() + " and " + b.describe() + " both answer "
                            + shared + " for the same paths; give each method to only one of them");
                }
            }
        }
    }

    /** The methods both entries answer, for a message, or null when they share none. */
    private static <T> String sharedMethods(RouteEntry<T> a, RouteEntry<T> b) {
        if (a.methods.isEmpty() && b.methods.isEmpty()) {
            return "every method (neither lists methods)";
        }
        if (a.methods.isEmpty() || b.methods.isEmpty()) {
            return null;
        }
        TreeSet<String> shared = new TreeSet<>(a.methods);
        shared.retainAll(b.methods);
        return shared.isEmpty() ? null : String.join(", ", shared);
    }

    private String describe() {
        String answered = methods.isEmpty() ? "any method" : String.join(", ", methods);
        return "routes[" + index + "] (\"" + template.text() + "\" " + answered + ")";
    }

    /** RFC 9110 §9.1: a method is a token, and case-sensitive; lower case would leave the real method unguarded. */
    private static String checkMethod(String method, PathTemplate template) {
        Objects.requireNonNull(method, "method");
        boolean token = !method.isEmpty();
        boolean lowerCase = false;
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            lowerCase |= c >= 'a' && c <= 'z';
            token &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
        }
        if (!token) {
            throw new IllegalArgumentException("route \"" + template.text() + "\" lists a method that is not an"
                    + " HTTP token; write method names such as GET or POST");
        }
        if (lowerCase) {
            throw new IllegalArgumentException("route \"" + template.text() + "\" lists method \"" + method
                    + "\"; HTTP methods are case-sensitive (RFC 9110 §9.1), write \""
                    + method.toUpperCase(Locale.ROOT) + "\"");
        }
        return method;
    }
}
