package dev.apigw.security.chain;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.auth.AuthenticationControl;
import dev.apigw.security.auth.ScopeAuthorization;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.cors.CorsControl;
import dev.apigw.security.cors.CorsPolicy;
import dev.apigw.security.ip.IpPolicyControl;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.route.RouteTable;
import dev.apigw.security.transport.TransportControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles, once per route, the array of controls a request on that route runs, in CONTRACT §2 order: transport,
 * IP policy (global, then the route's), CORS (the route's policy, else the global one), authentication,
 * authorization. Later controls (limits, throttling, validation) slot in at their place in {@link #plan}.
 */
final class RoutePlanner {

    private static final Decision ROUTE_NOT_FOUND = Decision.reject(
            Problem.of(404, "route_not_found", "No route of this API matches the request's method and path."));

    private final GatewayConfig config;
    private final Set<ControlKind> kinds;
    private final AuthenticatorRegistry authenticators;
    private final List<SecurityControl> global = new ArrayList<>();

    RoutePlanner(GatewayConfig config, Set<ControlKind> kinds, AuthenticatorRegistry authenticators) {
        this.config = config;
        this.kinds = kinds;
        this.authenticators = authenticators;
        if (kinds.contains(ControlKind.TRANSPORT)) {
            global.add(new TransportControl(config.transport()));
        }
        if (kinds.contains(ControlKind.IP_POLICY)) {
            global.add(new IpPolicyControl(config.ipPolicy()));
        }
    }

    RouteTable<RoutePlan> routeTable() {
        RouteTable.Builder<RoutePlan> table = RouteTable.builder();
        for (RouteConfig route : config.routes()) {
            table.add(route.path(), route.methods(), plan(route));
        }
        return table.build();
    }

    /** What a request that matches no route runs: the defaults where there are some, else 404. */
    RoutePlan unmatchedPlan() {
        List<SecurityControl> controls = new ArrayList<>(global);
        boolean cors = addCors(controls, config.cors());
        if (kinds.contains(ControlKind.AUTHENTICATION)) {
            if (config.hasDefaults() && config.defaultAuth() != null) {
                controls.add(authentication(config.defaultAuth()));
            } else {
                controls.add(exchange -> ROUTE_NOT_FOUND);
            }
        }
        return new RoutePlan(null, controls, cors);
    }

    private RoutePlan plan(RouteConfig route) {
        List<SecurityControl> controls = new ArrayList<>(global);
        if (kinds.contains(ControlKind.IP_POLICY) && route.ipPolicy() != null) {
            controls.add(new IpPolicyControl(route.ipPolicy()));
        }
        boolean cors = addCors(controls, route.cors() != null ? route.cors() : config.cors());
        if (kinds.contains(ControlKind.AUTHENTICATION)) {
            controls.add(authentication(route.auth()));
            if (!route.scopes().isEmpty() || !route.groups().isEmpty()) {
                controls.add(new ScopeAuthorization(route.scopes(), route.groups()));
            }
        }
        return new RoutePlan(route.path(), controls, cors);
    }

    /** Adds the CORS control where CORS is selected and a policy applies; says whether it did. */
    private boolean addCors(List<SecurityControl> controls, CorsPolicy policy) {
        if (!kinds.contains(ControlKind.CORS) || policy == null) {
            return false;
        }
        controls.add(new CorsControl(policy));
        return true;
    }

    private SecurityControl authentication(List<String> methods) {
        return new AuthenticationControl(authenticators.forMethods(methods));
    }
}
