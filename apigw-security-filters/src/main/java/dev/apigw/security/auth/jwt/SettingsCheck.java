package dev.apigw.security.auth.jwt;

import dev.apigw.security.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks behind {@link JwtSettings.Builder#build()}; each failure names the setting and what would be right.
 */
final class SettingsCheck {

    private static final int MIN_SECRET_BITS = 256;

    private SettingsCheck() {
    }

    static void basics(String issuer, List<String> audiences, Duration clockSkew, int maxTokenLength) {
        if (issuer == null || issuer.isBlank()) {
            fail("jwt.issuer is required: the exact iss of your tokens, e.g. https://issuer.example.com");
        }
        if (audiences.isEmpty() || audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
            fail("jwt.audiences needs at least one non-blank audience, e.g. [pets-api]");
        }
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(JwtSettings.MAX_CLOCK_SKEW) > 0) {
            fail("jwt.clockSkew must be between 0s and 5m, not "
                    + (clockSkew == null ? "null" : DurationText.of(clockSkew)));
        }
        if (clockSkew.getNano() != 0) {
            fail("jwt.clockSkew must be whole seconds, not " + DurationText.of(clockSkew));
        }
        if (maxTokenLength < 256 || maxTokenLength > 64 * 1024) {
            fail("the maximum token length must be between 256 and 65536 characters, not " + maxTokenLength);
        }
    }

    static void verifiedTokenCache(int maxEntries, Duration maxAge) {
        if (maxEntries == 0) {
            return; // off: the age is not used
        }
        if (maxEntries < 2 || maxEntries > 1_000_000) {
            fail("jwt.verifiedTokenCache.maxEntries must be between 2 and 1000000, or 0 to verify every token,"
                    + " not " + maxEntries);
        }
        if (maxAge == null || maxAge.compareTo(Duration.ofSeconds(1)) < 0
                || maxAge.compareTo(Duration.ofHours(1)) > 0) {
            fail("jwt.verifiedTokenCache.maxAge must be between 1s and 1h, not "
                    + (maxAge == null ? "null" : DurationText.of(maxAge)));
        }
    }

    static void claimNames(String setting, List<String> names) {
        if (names.stream().anyMatch(n -> n == null || n.isBlank())) {
            fail("jwt." + setting + " must not contain a blank claim name");
        }
    }

    static void oneKeySource(URI jwksUri, Secret secret) {
        if (jwksUri == null && secret == null) {
            fail("jwt needs a key source: jwksUri (for RS*, PS*, ES*, EdDSA) or secret (for HS*)");
        }
        if (jwksUri != null && secret != null) {
            fail("jwt takes jwksUri or secret, not both: one key source keeps an HMAC secret and public keys apart");
        }
    }

    /** The allow-list as given, or the default for the key source; every name checked against the key source. */
    static Set<String> algorithms(List<String> names, Secret secret) {
        List<String> given = names != null ? names : secret != null ? List.of("HS256") : List.of("RS256", "ES256");
        if (given.isEmpty()) {
            fail("jwt.algorithms must list at least one algorithm, e.g. [RS256, ES256]");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String name : given) {
            JwsAlgorithm alg = known(name);
            fitsKeySource(alg, secret);
            allowed.add(alg.name());
        }
        return Set.copyOf(allowed);
    }

    private static JwsAlgorithm known(String name) {
        if (name == null) {
            fail("jwt.algorithms must not contain null");
        }
        if ("none".equalsIgnoreCase(name.strip())) {
            fail("jwt.algorithms: \"" + name + "\" can never be allowed, it accepts unsigned tokens;"
                    + " list signature algorithms such as RS256 or ES256");
        }
        return JwsAlgorithm.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "jwt.algorithms: \"" + name + "\" is not a supported JWS algorithm" + hint(name) + "; use one of "
                        + Arrays.stream(JwsAlgorithm.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static String hint(String name) {
        return Arrays.stream(JwsAlgorithm.values())
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT)))
                .map(a -> " (names are case-sensitive: did you mean " + a.name() + "?)")
                .findFirst().orElse("");
    }

    private static void fitsKeySource(JwsAlgorithm alg, Secret secret) {
        boolean hmac = alg.family() == JwsAlgorithm.Family.HMAC;
        if (hmac && secret == null) {
            fail("jwt.algorithms: " + alg + " needs a secret; with a jwksUri list RS*, PS*, ES* or EdDSA"
                    + " (a public key must never serve as an HMAC secret)");
        }
        if (!hmac && secret != null) {
            fail("jwt.algorithms: " + alg + " needs a jwksUri; with a secret list HS256, HS384 or HS512");
        }
        if (hmac && secret.bits() < Math.max(MIN_SECRET_BITS, alg.bits())) {
            fail("jwt.secret has " + secret.bits() + " bits; " + alg + " needs at least "
                    + Math.max(MIN_SECRET_BITS, alg.bits()) + " (RFC 7518 §3.2)");
        }
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
