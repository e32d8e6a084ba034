/**
 * Request paths and routes: the one normalisation every control relies on, path templates, and the table that
 * picks the most specific route for a request (CONTRACT §3, {@code routes}).
 *
 * <p>Pure Java, no servlet types. A raw path goes through {@link dev.apigw.security.route.PathNormalizer} exactly
 * once; templates and the {@link dev.apigw.security.route.RouteTable} only ever see the normalised form, so that
 * the gateway and the application cannot disagree about which resource a request names.
 */
package dev.apigw.security.route;
