package dev.apigw.security.lint;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An entry of {@code allowedOrigins} as the CORS rules judge it: {@code *}, {@code null}, an exact origin or a
 * subdomain wildcard such as {@code https://*.example.com}.
 *
 * <p>A wildcard is too wide when anyone can own a name under it: a top-level domain, a public suffix such as
 * {@code co.uk}, or a shared hosting domain such as {@code github.io} (where anyone gets a subdomain), or when it is
 * over plain http, where anyone on the network can answer for any name under it.
 */
record CorsOrigin(String text, String scheme, String host) {

    /** Shared hosting and multi-label public suffixes; a sample of the Public Suffix List's most common entries. */
    private static final Set<String> SHARED_SUFFIXES = Set.of("github.io", "gitlab.io", "herokuapp.com",
            "azurewebsites.net", "cloudapp.net", "cloudfront.net", "amazonaws.com", "appspot.com", "web.app",
            "firebaseapp.com", "netlify.app", "vercel.app", "pages.dev", "workers.dev", "onrender.com", "fly.dev",
            "ngrok.io", "ngrok-free.app", "blogspot.com", "glitch.me", "azurestaticapps.net", "trycloudflare.com");
    // co.uk, com.au, org.br...: a generic second level under a two-letter country code
    private static final Pattern COUNTRY_SECOND_LEVEL = Pattern.compile("(co|com|net|org|gov|edu|ac|or|ne|go)\\.[a-z]{2}");

    static CorsOrigin parse(String text) {
        int colon = text.indexOf("://");
        if (colon < 0) {
            return new CorsOrigin(text, "", text);
        }
        String hostPort = text.substring(colon + 3).toLowerCase(Locale.ROOT);
        String host = hostPort.startsWith("[") ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                : hostPort.replaceFirst(":[0-9]*$", "");
        return new CorsOrigin(text, text.substring(0, colon).toLowerCase(Locale.ROOT), host);
    }

    boolean any() {
        return text.equals("*");
    }

    boolean isNull() {
        return text.equals("null");
    }

    /** A wildcard in the host; {@code *} on its own is {@link #any()}, not this. */
    boolean wildcard() {
        return !any() && host.contains("*");
    }

    boolean loopback() {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]");
    }

    /** Plain http to a host other than this machine. */
    boolean plainHttp() {
        return scheme.equals("http") && !loopback();
    }

    /** A wildcard under which anyone may own a name, or that is not a leading {@code *.} at all. */
    boolean tooWideWildcard() {
        if (!wildcard() || loopback()) {
            return false;
        }
        if (!host.startsWith("*.") || host.indexOf('*', 1) >= 0) {
            return true;
        }
        String suffix = host.substring(2);
        return !suffix.contains(".") || SHARED_SUFFIXES.contains(suffix)
                || COUNTRY_SECOND_LEVEL.matcher(suffix).matches() || plainHttp();
    }
}
