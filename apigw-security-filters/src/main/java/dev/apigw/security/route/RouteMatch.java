package dev.apigw.security.route;

import java.util.Map;
import java.util.Objects;

/**
 * The route a {@link RouteTable} picked for a request: its value, its template as written (for the audit record's
 * {@code route} field, CONTRACT §5) and the path parameters it captured.
 *
 * @param value          what the route was registered with, e.g. its configuration
 * @param template       the route's path template, e.g. {@code /pets/{id}}
 * @param pathParameters the decoded values of the {@code {name}} segments, in template order
 * @param <T>            the type of the route values
 */
public record RouteMatch<T>(T value, String template, Map<String, String> pathParameters) {

    public RouteMatch {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(pathParameters, "pathParameters");
    }

    /** The value of one path parameter, or {@code null} when the template has no parameter of that name. */
    public String pathParameter(String name) {
        return pathParameters.get(name);
    }
}
