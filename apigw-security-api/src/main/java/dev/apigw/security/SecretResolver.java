package dev.apigw.security;

import java.util.Optional;

/**
 * Resolves one kind of {@code ${scheme:reference}} placeholder in the configuration file, such as {@code env},
 * {@code sys} or {@code file}; an application can add its own (a vault, say).
 *
 * <p>Resolved values may be secrets: the loader never logs them or puts them in an error message.
 */
public interface SecretResolver {

    /** The scheme this resolver answers, e.g. {@code env}. */
    String scheme();

    /** The value for the reference, or empty when it is not defined. */
    Optional<String> resolve(String reference);
}
