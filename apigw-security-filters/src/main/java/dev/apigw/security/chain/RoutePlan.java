package dev.apigw.security.chain;

import dev.apigw.security.SecurityControl;

import java.util.List;

/**
 * The controls one route runs, in CONTRACT §2 order, with the route's own settings already built in, so that a
 * request pays no lookup for them.
 *
 * @param template         the route's path template, or {@code null} for requests that matched no route
 * @param controls         the controls in the order they run
 * @param answersPreflight whether a CORS control runs, which ends every preflight (204 or 403) before
 *                         authentication; only then may a preflight be routed by the method it asks for
 */
record RoutePlan(String template, SecurityControl[] controls, boolean answersPreflight) {

    RoutePlan(String template, List<SecurityControl> controls, boolean answersPreflight) {
        this(template, controls.toArray(new SecurityControl[0]), answersPreflight);
    }
}
