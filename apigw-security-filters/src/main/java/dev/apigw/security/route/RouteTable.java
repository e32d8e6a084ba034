package dev.apigw.security.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The immutable set of routes of an API, answering which route a request is for: the most specific one whose
 * template matches the normalised path and which answers the method (CONTRACT §3, {@code routes}).
 *
 * <p>Most specific means, segment by segment from the left: a literal beats {@code {param}}, which beats {@code *},
 * which beats the end of the template, which beats {@code **}. So {@code /pets/mine} beats {@code /pets/{id}} beats
 * {@code /pets/*} beats {@code /pets/**}, and a longer template beats a shorter one (CONTRACT: "then longer"), except
 * that a {@code **} matching no segment does not make a template longer: for the path {@code /pets},
 * {@code /pets} beats {@code /pets/**}, as Spring's {@code PathPattern} ranks a catch-all last. For the same
 * template, a route with a method list beats one without.
 *
 * <p>Methods are compared case-sensitively (RFC 9110 §9.1); the builder refuses lower-case method names, which no
 * client sends for a standard method and which would leave the real method unprotected. A route listing
 * {@code GET} also answers {@code HEAD}, unless a route with the same template lists {@code HEAD} itself, because
 * containers serve {@code HEAD} with {@code doGet} (RFC 9110 §9.3.2) and it must not slip past GET's controls.
 * A request whose method no matching route answers matches another route or none.
 *
 * <p>Thread-safe without locks. A literal path costs one hash lookup; other routes are tried in order of
 * specificity without regular expressions, allocating only the match of a template with parameters.
 *
 * @param <T> the type of the route values, e.g. each route's configuration
 */
public final class RouteTable<T> {

    private final Map<String, List<Route<T>>> literalRoutes;
    private final List<Route<T>> templatedRoutes;

    private RouteTable(Map<String, List<Route<T>>> literalRoutes, List<Route<T>> templatedRoutes) {
        this.literalRoutes = literalRoutes;
        this.templatedRoutes = templatedRoutes;
    }

    /** A builder for a table. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * The most specific route for a request.
     *
     * @param method         the request method, as sent
     * @param normalisedPath a path produced by {@link PathNormalizer}; anything else may fail to match
     * @return the match, or empty when no route matches both path and method
     */
    public Optional<RouteMatch<T>> match(String method, String normalisedPath) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(normalisedPath, "normalisedPath");
        List<Route<T>> exact = literalRoutes.get(normalisedPath);
        if (exact != null) {
            for (int i = 0; i < exact.size(); i++) {
                if (exact.get(i).answers(method)) {
                    return exact.get(i).matchOf(normalisedPath);
                }
            }
        }
        for (int i = 0; i < templatedRoutes.size(); i++) {
            Route<T> route = templatedRoutes.get(i);
            if (route.answers(method) && route.template().matches(normalisedPath)) {
                return route.matchOf(normalisedPath);
            }
        }
        return Optional.empty();
    }

    /**
     * Collects routes and checks them as a whole when built.
     *
     * @param <T> the type of the route values
     */
    public static final class Builder<T> {

        private final List<RouteEntry<T>> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @param template a {@link PathTemplate} text, e.g. {@code /pets/{id}}
         * @param methods  the methods it answers, upper case as sent; empty for every method
         * @param value    what a match returns
         * @throws IllegalArgumentException when the template or a method name is invalid
         */
        public Builder<T> add(String template, Set<String> methods, T value) {
            entries.add(new RouteEntry<>(PathTemplate.parse(template), methods, value, entries.size()));
            return this;
        }

        /** Adds a route that answers every method. */
        public Builder<T> add(String template, T value) {
            return add(template, Set.of(), value);
        }

        /**
         * The table of the routes added so far.
         *
         * @throws IllegalArgumentException naming both routes when two have the same template and share a method
         */
        public RouteTable<T> build() {
            Map<String, List<Route<T>>> literal = new HashMap<>();
            List<Route<T>> templated = new ArrayList<>();
            for (Route<T> route : RouteEntry.resolve(entries)) {
                if (route.template().isLiteral()) {
                    literal.computeIfAbsent(route.template().text(), k -> new ArrayList<>()).add(route);
                } else {
                    templated.add(route);
                }
            }
            Comparator<Route<T>> specificity = (a, b) -> a.template().compareSpecificity(b.template());
            Comparator<Route<T>> order = specificity
                    .thenComparing(Route::hasMethods, Comparator.reverseOrder())
                    .thenComparingInt(Route::index);
            templated.sort(order);
            Map<String, List<Route<T>>> frozen = new HashMap<>();
            literal.forEach((path, routes) -> {
                routes.sort(order);
                frozen.put(path, List.copyOf(routes));
            });
            return new RouteTable<>(frozen, List.copyOf(templated));
        }
    }
}
