package dev.apigw.security.servlet;

import dev.apigw.security.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;

/**
 * Hands the established identity to the application through the standard servlet calls: {@code getUserPrincipal},
 * {@code isUserInRole} (scopes and groups) and {@code getAuthType}; anonymous requests have no principal and no role.
 */
final class IdentityRequest extends HttpServletRequestWrapper {

    private final Identity identity;

    IdentityRequest(HttpServletRequest request, Identity identity) {
        super(request);
        this.identity = identity;
    }

    @Override
    public Principal getUserPrincipal() {
        return identity.isAnonymous() ? null : identity;
    }

    @Override
    public String getRemoteUser() {
        return identity.isAnonymous() ? null : identity.principal();
    }

    @Override
    public boolean isUserInRole(String role) {
        return !identity.isAnonymous() && role != null && identity.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return identity.isAnonymous() ? null : identity.authMethod();
    }
}
