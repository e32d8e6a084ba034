package dev.apigw.security.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How requests must travel: over HTTPS, announced by HSTS, and without credentials in the query string (CONTRACT §3
 * {@code transport}).
 *
 * <p>Secure by default: a builder left alone requires HTTPS and answers plain HTTP with 403; turning that off is the
 * explicit {@code requireHttps(false)}. A redirect, HSTS and the secret parameter names are opt-in. {@link
 * Builder#build()} checks the combination and names the fix. Immutable.
 */
public final class TransportPolicy {

    private final boolean requireHttps;
    private final boolean redirect;
    private final int httpsPort;
    private final Hsts hsts;
    private final List<String> secretQueryParameters;

    private TransportPolicy(Builder builder) {
        this.requireHttps = builder.requireHttps;
        this.redirect = builder.redirect;
        this.httpsPort = builder.httpsPort;
        this.hsts = builder.hsts;
        this.secretQueryParameters = List.copyOf(builder.secretQueryParameters);
    }

    /** A builder that requires HTTPS, with no redirect, no HSTS and no secret parameter names. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether plain HTTP is refused. */
    public boolean requireHttps() {
        return requireHttps;
    }

    /** Whether plain HTTP {@code GET} and {@code HEAD} get a 308 redirect to HTTPS instead of a 403. */
    public boolean redirect() {
        return redirect;
    }

    /** The port of the HTTPS redirect target; 443 is left out of the URL. */
    public int httpsPort() {
        return httpsPort;
    }

    /** The HSTS header to send over HTTPS, or {@code null} for none. */
    public Hsts hsts() {
        return hsts;
    }

    /** The query parameter names that carry credentials, compared case-insensitively; the request gets a 400. */
    public List<String> secretQueryParameters() {
        return secretQueryParameters;
    }

    /**
     * The {@code Strict-Transport-Security} header (RFC 6797 §6.1).
     *
     * @param maxAge            how long browsers remember to use HTTPS only; whole seconds are sent, 0 makes them
     *                          forget
     * @param includeSubDomains whether the rule also covers every subdomain
     * @param preload           whether the site asks to be built into browsers; this needs {@code includeSubDomains}
     *                          and a max-age of at least a year (the hstspreload.org submission requirements), and is
     *                          hard to undo
     */
    public record Hsts(Duration maxAge, boolean includeSubDomains, boolean preload) {

        private static final Duration PRELOAD_MIN_AGE = Duration.ofDays(365);

        public Hsts {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("hsts maxAge must not be negative, not " + maxAge);
            }
            if (preload && (!includeSubDomains || maxAge.compareTo(PRELOAD_MIN_AGE) < 0)) {
                throw new IllegalArgumentException("hsts preload needs includeSubDomains: true and a maxAge of at"
                        + " least 365d (the hstspreload.org requirements); got includeSubDomains: "
                        + includeSubDomains + ", maxAge: " + maxAge.getSeconds() + "s");
            }
        }

        /** The header value, e.g. {@code max-age=31536000; includeSubDomains}. */
        public String headerValue() {
            return "max-age=" + maxAge.getSeconds() + (includeSubDomains ? "; includeSubDomains" : "")
                    + (preload ? "; preload" : "");
        }
    }

    /** Collects the settings of a {@link TransportPolicy}; not thread-safe. */
    public static final class Builder {

        private boolean requireHttps = true;
        private boolean redirect;
        private int httpsPort = 443;
        private Hsts hsts;
        private List<String> secretQueryParameters = List.of();

        private Builder() {
        }

        /** Whether plain HTTP is refused; default {@code true}. */
        public Builder requireHttps(boolean value) {
            this.requireHttps = value;
            return this;
        }

        /** Whether plain HTTP {@code GET} and {@code HEAD} are redirected (308) instead of refused; default no. */
        public Builder redirect(boolean value) {
            this.redirect = value;
            return this;
        }

        /** The port of the redirect target; default 443. */
        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        /** The HSTS header to send over HTTPS; {@code null}, the default, sends none. */
        public Builder hsts(Hsts value) {
            this.hsts = value;
            return this;
        }

        /** The query parameter names that carry credentials; replaces earlier names. */
        public Builder rejectSecretsInQuery(String... names) {
            return rejectSecretsInQuery(Arrays.asList(names));
        }

        /** The query parameter names that carry credentials; replaces earlier names. */
        public Builder rejectSecretsInQuery(Collection<String> names) {
            this.secretQueryParameters = new ArrayList<>(names);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException when a setting or a combination is invalid, naming the fix
         */
        public TransportPolicy build() {
            if (redirect && !requireHttps) {
                throw new IllegalArgumentException("redirect: true needs requireHttps: true, since the redirect is"
                        + " the answer to plain HTTP where HTTPS is required; set requireHttps: true or drop redirect");
            }
            if (httpsPort < 1 || httpsPort > 65535) {
                throw new IllegalArgumentException("httpsPort must be from 1 to 65535, not " + httpsPort);
            }
            for (int i = 0; i < secretQueryParameters.size(); i++) {
                String name = secretQueryParameters.get(i);
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("rejectSecretsInQuery[" + i + "]: a parameter name must not"
                            + " be empty");
                }
            }
            return new TransportPolicy(this);
        }
    }
}
