package dev.apigw.security.servlet;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityExchange;

import java.util.List;

/**
 * A custom authentication method for the pipeline tests: {@code Authorization: Test <name>[:scope,scope]}; the name
 * {@code bad} is an invalid credential.
 */
final class TestTokenAuthenticator implements CredentialAuthenticator {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public boolean credentialPresent(SecurityExchange exchange) {
        String h = exchange.request().header("Authorization");
        return h != null && h.startsWith("Test ");
    }

    @Override
    public Decision authenticate(SecurityExchange exchange) {
        String value = exchange.request().header("Authorization").substring(5);
        String[] parts = value.split(":", 2);
        if (parts[0].equals("bad") || parts[0].isEmpty()) {
            return Decision.reject(Problem.of(401, "invalid_credentials", "The credential is not valid."));
        }
        List<String> scopes = parts.length > 1 ? List.of(parts[1].split(",")) : List.of();
        return Decision.authenticated(Identity.builder(parts[0], "test").scopes(scopes).build());
    }

    @Override
    public String challenge() {
        return "Test realm=\"api\"";
    }
}
