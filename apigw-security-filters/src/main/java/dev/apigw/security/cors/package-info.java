/**
 * Cross-origin resource sharing as the Fetch standard defines it (§3.2 "CORS protocol"; CONTRACT §3 {@code cors},
 * §4 "CORS"): strict origin parsing and matching, preflights answered before authentication, and cross-origin
 * requests from origins that are not allowed refused before the application runs.
 */
package dev.apigw.security.cors;
