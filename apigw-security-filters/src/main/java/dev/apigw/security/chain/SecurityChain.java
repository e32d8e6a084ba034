package dev.apigw.security.chain;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.audit.RequestIdSource;
import dev.apigw.security.audit.TraceParent;
import dev.apigw.security.cors.CorsControl;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.ip.ClientAddressResolver;
import dev.apigw.security.route.RouteMatch;
import dev.apigw.security.route.RouteTable;

import java.util.Set;

/**
 * Runs the controls of CONTRACT §2 over one request and records the outcome in a {@link RequestExchange}; free of
 * servlet types, so the whole chain can be tested and benchmarked without a container.
 *
 * <p>Each route's controls are assembled once, at start-up ({@link RoutePlanner}); a request resolves its route with
 * one table lookup and then runs a fixed array of controls, taking no lock.
 */
public final class SecurityChain implements AutoCloseable {

    private final RequestIdSource requestIds = new RequestIdSource();
    private final String requestIdHeader;
    private final ClientAddressResolver clientAddresses;
    private final RouteTable<RoutePlan> routes;
    private final RoutePlan unmatched;
    private final AuthenticatorRegistry authenticators;

    private SecurityChain(GatewayConfig config, Set<ControlKind> kinds) {
        this.requestIdHeader = config.audit().requestIdHeader();
        this.clientAddresses = new ClientAddressResolver(config.trustedProxies());
        this.authenticators = AuthenticatorRegistry.create(config, kinds);
        RoutePlanner planner = new RoutePlanner(config, kinds, authenticators);
        this.routes = planner.routeTable();
        this.unmatched = planner.unmatchedPlan();
    }

    /** A chain running every control of the configuration. */
    public static SecurityChain create(GatewayConfig config) {
        return new SecurityChain(config, ControlKind.all());
    }

    /** A chain running only the named controls. */
    public static SecurityChain create(GatewayConfig config, Set<ControlKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a security chain needs at least one control");
        }
        return new SecurityChain(config, kinds);
    }

    /** Runs the controls over a request whose path is normalised. */
    public RequestExchange evaluate(RequestView request) {
        RequestExchange exchange = start(request);
        RoutePlan plan = planFor(request);
        exchange.route(plan.template());
        for (SecurityControl control : plan.controls()) {
            Decision decision = control.decide(exchange);
            if (decision instanceof Decision.Proceed proceed) {
                exchange.apply(proceed);
            } else if (decision instanceof Decision.Reject reject) {
                exchange.reject(reject.problem());
                break;
            } else {
                exchange.answer((Decision.Respond) decision);
                break;
            }
        }
        exchange.decided();
        return exchange;
    }

    /**
     * The plan of the route the request is for. A CORS preflight asks about another method than its own
     * ({@code OPTIONS}), so it is routed by the method it asks for (Fetch §3.2.2), where that route's plan answers
     * preflights; otherwise, and where CORS does not apply, by its own method, so that an {@code OPTIONS} request
     * can never borrow a laxer route's rules.
     */
    private RoutePlan planFor(RequestView request) {
        String requested = CorsControl.preflightMethod(request);
        if (requested != null) {
            RoutePlan target = lookup(requested, request.path());
            if (target.answersPreflight()) {
                return target;
            }
        }
        return lookup(request.method(), request.path());
    }

    private RoutePlan lookup(String method, String path) {
        return routes.match(method, path).map(RouteMatch::value).orElse(unmatched);
    }

    /**
     * Records a request refused before any control could look at it (a path that cannot be normalised safely), so
     * that it still gets a request id, a problem answer and an audit record.
     */
    public RequestExchange refuse(RequestView request, Problem problem) {
        RequestExchange exchange = start(request);
        exchange.reject(problem);
        exchange.decided();
        return exchange;
    }

    private RequestExchange start(RequestView request) {
        long start = System.nanoTime();
        String requestId = requestIds.idFor(request.header(requestIdHeader));
        ClientAddress client = clientAddresses.resolve(request);
        return new RequestExchange(request, requestId, client, clientAddresses.https(request), start,
                TraceParent.traceId(request.header("traceparent")));
    }

    /** Stops background work of the authenticators (JWKS refresh). */
    @Override
    public void close() {
        authenticators.close();
    }

    /** The authenticator configured under a method name, or {@code null}; for tests and diagnostics. */
    public CredentialAuthenticator authenticator(String method) {
        return authenticators.get(method);
    }
}
