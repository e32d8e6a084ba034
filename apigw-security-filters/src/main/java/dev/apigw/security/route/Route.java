package dev.apigw.security.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a {@link RouteTable}, with the methods it answers after {@code HEAD} was implied from {@code GET}.
 *
 * @param <T> the type of the route values
 */
final class Route<T> {

    private final PathTemplate template;
    private final String[] methods;
    private final T value;
    private final int index;
    /** The answer for a template without parameters, built once so that matching it allocates nothing. */
    private final Optional<RouteMatch<T>> fixedMatch;

    Route(PathTemplate template, List<String> methods, T value, int index) {
        this.template = template;
        this.methods = methods.toArray(new String[0]);
        this.value = value;
        this.index = index;
        this.fixedMatch = template.parameterNames().isEmpty()
                ? Optional.of(new RouteMatch<>(value, template.text(), Map.of()))
                : null;
    }

    PathTemplate template() {
        return template;
    }

    int index() {
        return index;
    }

    /** Whether the route has an explicit method list, which beats none for the same template. */
    boolean hasMethods() {
        return methods.length > 0;
    }

    /** RFC 9110 §9.1: method names are case-sensitive, so {@code get} is not {@code GET}. */
    boolean answers(String method) {
        if (methods.length == 0) {
            return true;
        }
        for (String m : methods) {
            if (m.equals(method)) {
                return true;
            }
        }
        return false;
    }

    Optional<RouteMatch<T>> matchOf(String normalisedPath) {
        if (fixedMatch != null) {
            return fixedMatch;
        }
        return Optional.of(new RouteMatch<>(value, template.text(), template.parameters(normalisedPath)));
    }
}
