/**
 * The small public API of apigw-security: the request view, the identity, decisions and problems, the control
 * interface, and the SPIs that plug in credentials, authorizers, audit sinks, secret resolvers and key stores.
 *
 * <p>Nothing here depends on the Servlet API, so controls and plugins can be tested without a container.
 */
package dev.apigw.security;
