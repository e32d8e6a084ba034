package dev.apigw.security.cors;

import java.util.Locale;
import java.util.Set;

/**
 * One entry of {@code allowedOrigins}: an exact origin, a subdomain wildcard, {@code *} (any origin but
 * {@code null}) or {@code null} (the opaque origin of sandboxed frames and local files).
 *
 * <p>{@code https://*.example.com} matches one or more labels before {@code .example.com} on that scheme and port
 * (the default one where none is written) and nothing else: not {@code example.com}, not {@code evilexample.com},
 * not {@code example.com.evil.test}, not another port or scheme, not an IP address. The comparison is a suffix test on
 * a strictly parsed host, never a regular expression built from configuration text. A wildcard must stand for the
 * whole first label, and what follows must be a registrable-looking domain: {@code https://*}, {@code https://*.com}
 * and the common second-level public suffixes ({@code *.co.uk}, {@code *.com.au}) are refused, since they would let
 * anyone who registers a domain in.
 */
final class OriginPattern {

    /** Second-level labels that registries sell under a two-letter country code (co.uk, com.au, ne.jp...). */
    private static final Set<String> PUBLIC_SECOND_LEVEL = Set.of(
            "ac", "co", "com", "edu", "go", "gob", "gov", "ltd", "me", "mil", "ne", "net", "nic", "or", "org", "plc",
            "sch");

    private final String text;
    private final Origin origin;
    private final String suffix;

    private OriginPattern(String text, Origin origin, String suffix) {
        this.text = text;
        this.origin = origin;
        this.suffix = suffix;
    }

    /**
     * Parses an entry; the message of a refusal says what is wrong and what to write.
     *
     * @throws IllegalArgumentException for anything but an origin, a valid wildcard, {@code *} or {@code null}
     */
    static OriginPattern parse(String text) {
        if ("*".equals(text) || "null".equals(text)) {
            return new OriginPattern(text, null, null);
        }
        int star = text.indexOf('*');
        if (star < 0) {
            Origin origin = Origin.read(text);
            if (origin == null) {
                throw new IllegalArgumentException(OriginDiagnosis.whyNot(text, text));
            }
            return new OriginPattern(origin.toString(), origin, null);
        }
        return wildcard(text, star);
    }

    private static OriginPattern wildcard(String text, int star) {
        int sep = text.indexOf("://");
        if (sep >= 0 && star == sep + 3 && (star + 1 == text.length() || text.charAt(star + 1) == ':')) {
            throw tooWide(text, "every site");
        }
        if (sep < 0 || star != sep + 3 || !text.startsWith(".", star + 1) || text.indexOf('*', star + 1) >= 0) {
            throw new IllegalArgumentException(OriginDiagnosis.quote(text) + " puts * where only a whole first label"
                    + " may be (write https://*.example.com for the subdomains of example.com)");
        }
        String withoutStar = text.substring(0, star) + text.substring(star + 2);
        Origin base = Origin.read(withoutStar);
        if (base == null) {
            throw new IllegalArgumentException(OriginDiagnosis.whyNot(withoutStar, text));
        }
        String domain = base.host();
        if (!base.hasDomainName()) {
            throw new IllegalArgumentException(OriginDiagnosis.quote(text) + " puts * before an IP address, which has"
                    + " no subdomains; list the origins");
        }
        if (DomainName.labels(domain) < 2 || isPublicSecondLevel(domain)) {
            throw tooWide(text, "every site registered under " + domain);
        }
        return new OriginPattern(text.toLowerCase(Locale.ROOT), base, "." + domain);
    }

    private static IllegalArgumentException tooWide(String text, String what) {
        return new IllegalArgumentException(OriginDiagnosis.quote(text) + " is too wide: it would match " + what
                + " (write a domain you own, e.g. https://*.example.com, or list the origins)");
    }

    private static boolean isPublicSecondLevel(String domain) {
        int dot = domain.indexOf('.');
        String first = domain.substring(0, dot);
        String rest = domain.substring(dot + 1);
        return rest.length() == 2 && rest.indexOf('.') < 0 && PUBLIC_SECOND_LEVEL.contains(first);
    }

    /** {@code *}: every origin but {@code null}. */
    boolean isAny() {
        return "*".equals(text);
    }

    /** {@code null}: the opaque origin. */
    boolean isNull() {
        return "null".equals(text);
    }

    /** The exact origin, or {@code null} for the other kinds. */
    Origin exact() {
        return suffix == null ? origin : null;
    }

    /** Whether this wildcard matches the origin; false for the other kinds. */
    boolean matchesSubdomain(Origin candidate) {
        if (suffix == null || !candidate.hasDomainName()) {
            return false;
        }
        String host = candidate.host();
        // The parsed host has no empty label, so at least one whole label precedes the suffix's dot.
        return host.length() > suffix.length() && host.endsWith(suffix)
                && candidate.port() == origin.port() && candidate.scheme().equals(origin.scheme());
    }

    /** Whether the entry is written as a wildcard. */
    boolean isWildcard() {
        return suffix != null;
    }

    /** The entry in canonical form. */
    @Override
    public String toString() {
        return text;
    }
}
