package dev.apigw.security;

/**
 * Authenticates one kind of credential ({@code jwt}, {@code apiKey}, {@code mtls}, a custom authorizer).
 *
 * <p>Where a route lists several methods they are tried in order: the first one whose credential is
 * {@linkplain #credentialPresent present} decides alone, and a present but invalid credential fails the request
 * rather than falling through to a weaker method.
 */
public interface CredentialAuthenticator {

    /** The method's name as written in a route's {@code auth} list. */
    String name();

    /** Whether the request carries this method's credential at all, valid or not. */
    boolean credentialPresent(SecurityExchange exchange);

    /**
     * Checks the credential: {@link Decision#authenticated} with the identity, or a rejection (401
     * {@code invalid_credentials}, 403 {@code authorizer_denied}, 503 {@code authorizer_failed}). Fails closed: any
     * doubt is a rejection.
     */
    Decision authenticate(SecurityExchange exchange);

    /**
     * The {@code WWW-Authenticate} challenge this method offers when a protected route gets no credential at all,
     * e.g. {@code Bearer realm="api"} (RFC 6750 §3); {@code null} where the method has no HTTP challenge.
     */
    default String challenge() {
        return null;
    }
}
