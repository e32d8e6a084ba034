package dev.apigw.security.auth;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

import java.util.List;
import java.util.Objects;

/**
 * Authenticates a request with the methods of its route, tried in the order listed (CONTRACT §3).
 *
 * <p>The first method whose credential is present decides alone: a present but invalid credential fails the request
 * instead of falling through to a weaker method. No credential at all is 401 {@code unauthenticated} with every
 * method's challenge. A public route yields the anonymous identity.
 */
public final class AuthenticationControl implements SecurityControl {

    private static final Decision PUBLIC = Decision.authenticated(Identity.anonymous());

    private final List<CredentialAuthenticator> methods;
    private final Problem unauthenticated;

    /** A control for a route; an empty list means a public route. */
    public AuthenticationControl(List<CredentialAuthenticator> methods) {
        this.methods = List.copyOf(methods);
        this.unauthenticated = unauthenticatedProblem(this.methods);
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        if (methods.isEmpty()) {
            return PUBLIC;
        }
        for (CredentialAuthenticator method : methods) {
            if (method.credentialPresent(exchange)) {
                return Objects.requireNonNull(method.authenticate(exchange), "an authenticator returned no decision");
            }
        }
        return Decision.reject(unauthenticated);
    }

    private static Problem unauthenticatedProblem(List<CredentialAuthenticator> methods) {
        Problem p = Problem.of(401, "unauthenticated", "This API needs credentials; none were sent.");
        StringBuilder challenges = new StringBuilder();
        for (CredentialAuthenticator m : methods) {
            String c = m.challenge();
            if (c != null) {
                challenges.append(challenges.length() == 0 ? "" : ", ").append(c);
            }
        }
        return challenges.length() == 0 ? p : p.withHeader("WWW-Authenticate", challenges.toString());
    }
}
