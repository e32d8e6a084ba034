package dev.apigw.security;

/**
 * One security control: a decision over a request and what was learned before it.
 *
 * <p>Implementations are immutable, thread-safe and free of servlet types; their configuration is fixed when they
 * are built. The pipeline calls {@link #decide} once per request, in the order of CONTRACT §2, and stops at the first
 * rejection.
 */
@FunctionalInterface
public interface SecurityControl {

    /** Decides about one request. Must not throw for any input a client can send. */
    Decision decide(SecurityExchange exchange);
}
