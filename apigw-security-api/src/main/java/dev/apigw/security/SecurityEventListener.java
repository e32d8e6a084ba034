package dev.apigw.security;

/**
 * Receives {@link SecurityEvent}s, so an application can forward them to a SIEM, a metrics system or a pager.
 *
 * <p>Called on the thread that saw the event (often a request thread): implementations must be fast, must not block
 * on a lock shared between requests, and must not throw.
 */
@FunctionalInterface
public interface SecurityEventListener {

    /** Handles one event. */
    void onEvent(SecurityEvent event);
}
