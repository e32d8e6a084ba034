/**
 * How requests travel: HTTPS required or redirected to, HSTS, and no credentials in the query string (CONTRACT §3
 * {@code transport}; RFC 6797).
 */
package dev.apigw.security.transport;
