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
import dev.apigw.security.throttle.RateLimit;
import dev.apigw.security.throttle.Throttling;
import dev.apigw.security.transport.TransportControl;
import dev.apigw.security.validate.AttackSignatureStep;
import dev.apigw.security.validate.signature.AttackSignatureControl;
import dev.apigw.security.validate.signature.AttackSignatureSettings;
import dev.apigw.security.validate.BodyParser;
import dev.apigw.security.validate.RequestValidationControl;
import dev.apigw.security.validate.RouteValidation;
import dev.apigw.security.validate.SizeLimitControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Assembles, once per route, the array of controls a request on that route runs, in CONTRACT §2 order: transport,
 * IP policy (global, then the route's), CORS (the route's policy, else the global one), size limits, brute-force
 * lockout around authentication, authorization, throttling and quotas, request validation. Attack signatures
 * slot in beside the size limits.
 */
final class RoutePlanner {

    private static final Decision ROUTE_NOT_FOUND = Decision.reject(
            Problem.of(404, "route_not_found", "No route of this API matches the request's method and path."));

    private final GatewayConfig config;
    private final Set<ControlKind> kinds;
    private final AuthenticatorRegistry authenticators;
    private final Throttling throttling;
    private final List<SecurityControl> global = new ArrayList<>();
    private final SizeLimitControl sizeLimits;
    private final BodyParser bodyParser;

    /** {@code throttling} is {@code null} where the chain does not throttle. */
    RoutePlanner(GatewayConfig config, Set<ControlKind> kinds, AuthenticatorRegistry authenticators,
                 Throttling throttling) {
        this.config = config;
        this.kinds = kinds;
        this.authenticators = authenticators;
        this.throttling = throttling;
        if (kinds.contains(ControlKind.TRANSPORT)) {
            global.add(new TransportControl(config.transport()));
        }
        if (kinds.contains(ControlKind.IP_POLICY)) {
            global.add(new IpPolicyControl(config.ipPolicy()));
        }
        boolean validation = kinds.contains(ControlKind.VALIDATION);
        this.sizeLimits = validation ? new SizeLimitControl(config.validation()) : null;
        // One parser per chain: every control that reads bodies shares its parse through ParsedBody.
        this.bodyParser = validation ? new BodyParser(config.validation()) : null;
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
        addIfPresent(controls, sizeLimits);
        addIfPresent(controls, signatures(Set.of(), config.defaultValidate()));
        if (kinds.contains(ControlKind.AUTHENTICATION)) {
            if (config.hasDefaults() && config.defaultAuth() != null) {
                controls.add(authentication(config.defaultAuth()));
            } else {
                controls.add(exchange -> ROUTE_NOT_FOUND);
                return new RoutePlan(null, controls, cors);
            }
        }
        addThrottle(controls, "* (unmatched)", null);
        addIfPresent(controls, validation(config.defaultValidate()));
        return new RoutePlan(null, controls, cors);
    }

    private RoutePlan plan(RouteConfig route) {
        List<SecurityControl> controls = new ArrayList<>(global);
        if (kinds.contains(ControlKind.IP_POLICY) && route.ipPolicy() != null) {
            controls.add(new IpPolicyControl(route.ipPolicy()));
        }
        boolean cors = addCors(controls, route.cors() != null ? route.cors() : config.cors());
        addIfPresent(controls, sizeLimits);
        RouteValidation rules = route.validate() != null ? route.validate() : config.defaultValidate();
        addIfPresent(controls, signatures(route.signatureExclusions(), rules));
        if (kinds.contains(ControlKind.AUTHENTICATION)) {
            controls.add(authentication(route.auth()));
            if (!route.scopes().isEmpty() || !route.groups().isEmpty()) {
                controls.add(new ScopeAuthorization(route.scopes(), route.groups()));
            }
        }
        addThrottle(controls, route.id(), route.throttle());
        addIfPresent(controls, validation(route.validate() != null ? route.validate() : config.defaultValidate()));
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

    private void addThrottle(List<SecurityControl> controls, String routeId, RateLimit routeLimit) {
        SecurityControl throttle = throttling == null ? null : throttling.control(routeId, routeLimit);
        if (throttle != null) {
            controls.add(throttle);
        }
    }

    /** The attack signatures for a route, scanning bodies where the route reads them anyway (a body schema). */
    private SecurityControl signatures(Set<String> exclusions, RouteValidation rules) {
        AttackSignatureSettings settings = config.attackSignatures();
        if (!kinds.contains(ControlKind.VALIDATION) || settings == null || !settings.active()) {
            return null;
        }
        if (!exclusions.isEmpty()) {
            settings = settings.toBuilder().exclude(exclusions.toArray(String[]::new)).build();
        }
        boolean readsBody = rules != null && rules.body() != null;
        return new AttackSignatureStep(new AttackSignatureControl(settings), readsBody ? bodyParser : null);
    }

    private SecurityControl validation(RouteValidation rules) {
        return rules == null || bodyParser == null ? null : new RequestValidationControl(rules, bodyParser);
    }

    private static void addIfPresent(List<SecurityControl> controls, SecurityControl control) {
        if (control != null) {
            controls.add(control);
        }
    }

    private SecurityControl authentication(List<String> methods) {
        SecurityControl authentication = new AuthenticationControl(authenticators.forMethods(methods));
        // A public route takes no credential, so there is nothing to guess and nothing to lock out.
        return throttling == null || methods.isEmpty() ? authentication : throttling.lockout(authentication);
    }
}
