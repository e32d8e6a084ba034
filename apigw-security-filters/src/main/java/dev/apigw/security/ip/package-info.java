/**
 * Source addresses: IP literals parsed without name lookups, CIDR ranges, the client's address behind trusted
 * proxies (RFC 7239, {@code X-Forwarded-For}) and the IP policy control (CONTRACT §3 {@code trustedProxies},
 * {@code ipPolicy}; §4 "Client address").
 */
package dev.apigw.security.ip;
