package dev.apigw.security.lint;

import dev.apigw.security.ip.Cidr;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules about the network: HTTPS, where keys are fetched from, and whose forwarding headers are believed. */
final class TransportChecks {

    private static final Pattern PRODUCTION = Pattern.compile("(prod|production|prd|live)[0-9]*");
    /** The private, loopback, link-local and shared (CGNAT) ranges: RFC 1918, 6598, 3927, 4193, 4291. */
    private static final List<Cidr> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "fc00::/7", "fe80::/10", "::1/128").stream()
            .map(Cidr::parse).toList();
    // wider than 10.0.0.0/8, the widest private IPv4 range; for IPv6, wider than a regional registry's blocks
    private static final int MIN_IPV4_PREFIX = 8;
    private static final int MIN_IPV6_PREFIX = 16;

    private TransportChecks() {
    }

    static void httpsOffInProduction(Subject s, Hits hits) {
        JsonNode requireHttps = s.at("/transport/requireHttps");
        if (!s.isBase() && productionLike(s.stage()) && requireHttps.isBoolean() && !requireHttps.booleanValue()) {
            hits.add("/transport/requireHttps", "requireHttps is false in stage " + s.stage()
                    + ", which is named like production");
        }
    }

    static void jwksOverHttp(Subject s, Hits hits) {
        s.text("/authentication/jwt/jwksUri").filter(TransportChecks::plainHttpToAnotherHost).ifPresent(uri ->
                hits.add("/authentication/jwt/jwksUri", "the JWKS is fetched over plain http"));
    }

    static void trustedProxiesTooWide(Subject s, Hits hits) {
        JsonNode proxies = s.at("/trustedProxies");
        for (int i = 0; i < proxies.size(); i++) {
            String pointer = "/trustedProxies/" + i;
            Cidr range = s.text(pointer).map(TransportChecks::cidrOrNull).orElse(null);
            if (range != null && tooWide(range)) {
                hits.add(pointer, "trustedProxies " + range + (range.prefixLength() == 0 ? " is every address"
                        : " is wider than a private network") + ": clients can set their own address");
            }
        }
    }

    /** A stage name with a part (split at -, _ or .) such as prod, production, prd or live, e.g. eu-prod. */
    static boolean productionLike(String stage) {
        for (String part : stage.toLowerCase(Locale.ROOT).split("[-_.]")) {
            if (PRODUCTION.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean tooWide(Cidr range) {
        if (PRIVATE.stream().anyMatch(p -> contains(p, range))) {
            return false;
        }
        if (range.prefixLength() < (range.isIpv4() ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX)) {
            return true;
        }
        return PRIVATE.stream().anyMatch(p -> contains(range, p));
    }

    private static boolean contains(Cidr outer, Cidr inner) {
        return outer.isIpv4() == inner.isIpv4() && outer.prefixLength() <= inner.prefixLength()
                && outer.contains(inner.network());
    }

    private static Cidr cidrOrNull(String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean plainHttpToAnotherHost(String uri) {
        if (!uri.regionMatches(true, 0, "http:", 0, 5)) {
            return false;
        }
        try {
            String host = new URI(uri).getHost();
            return host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        } catch (URISyntaxException e) {
            return true;
        }
    }
}
