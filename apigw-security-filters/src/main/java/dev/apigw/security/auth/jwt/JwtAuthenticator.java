package dev.apigw.security.auth.jwt;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.SecurityExchange;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Date;
import java.util.List;

/**
 * Authenticates {@code Authorization: Bearer} JWTs (method {@code jwt}): signature, algorithm, issuer, audience and
 * times, then the identity from {@code sub} and the scope and group claims.
 *
 * <p>Every failure is a 401 {@code invalid_credentials} with an RFC 6750 challenge, never an exception and never a
 * 500. A request without a Bearer {@code Authorization} header (none, or another scheme such as Basic) carries no JWT
 * credential: {@link #credentialPresent} is false and the next method on the route may decide.
 *
 * <p>Verification is jjwt's, locked down: only the allowed algorithms are registered, unsigned ({@code none} in any
 * casing), encrypted and compressed tokens are refused, no {@code crit} extension is understood (RFC 7515 §4.1.11),
 * and keys come only from the configured JWKS or secret (see {@link JwtKeyLocator}). Close it to stop the JWKS
 * refresh.
 *
 * <p>Unless turned off, a token that passed is remembered by its SHA-256 ({@link VerifiedTokenCache}), and the same
 * token again skips the parsing and the signature check while its times still hold, the key set is unchanged and the
 * cache's {@code maxAge} has not passed; that makes a repeated RS256 token about 40 times cheaper and an ES256 one
 * over a thousand times (docs/BENCHMARKS.md). A refused token is never remembered.
 */
public final class JwtAuthenticator implements CredentialAuthenticator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

    private final int maxTokenLength;
    private final KeySource keys;
    private final JwtParser parser;
    private final ClaimsCheck check;
    private final ClaimsIdentity identities;
    private final VerifiedTokenCache verified; // null when turned off

    JwtAuthenticator(JwtSettings settings, KeySource keys, Clock clock) {
        this.maxTokenLength = settings.maxTokenLength();
        this.keys = keys;
        this.parser = parser(settings, keys, clock);
        this.check = new ClaimsCheck(settings, clock);
        this.identities = new ClaimsIdentity(settings);
        this.verified = settings.verifiedTokenCacheEntries() == 0 ? null : new VerifiedTokenCache(
                settings.verifiedTokenCacheEntries(), settings.verifiedTokenCacheMaxAge(), settings.clockSkew(), clock);
    }

    /** An authenticator on the system clock; with a JWKS, fetches it first (at most the fetch time-out). */
    public static JwtAuthenticator create(JwtSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** An authenticator on the given clock; with a JWKS, fetches it first (at most the fetch time-out). */
    public static JwtAuthenticator create(JwtSettings settings, Clock clock) {
        KeySource keys = settings.secret().<KeySource>map(SecretKeySource::new)
                .orElseGet(() -> JwksCache.start(settings.jwks().orElseThrow(), clock));
        return new JwtAuthenticator(settings, keys, clock);
    }

    @Override
    public String name() {
        return "jwt";
    }

    /** {@code Bearer realm="api"}, so that a route's 401 {@code unauthenticated} says how to authenticate. */
    @Override
    public String challenge() {
        return TokenRejection.CHALLENGE;
    }

    @Override
    public boolean credentialPresent(SecurityExchange exchange) {
        return BearerToken.read(exchange.request(), maxTokenLength).kind() != BearerToken.Kind.ABSENT;
    }

    @Override
    public Decision authenticate(SecurityExchange exchange) {
        try {
            BearerToken token = BearerToken.read(exchange.request(), maxTokenLength);
            return switch (token.kind()) {
                case ABSENT -> TokenRejection.unauthenticated();
                case MULTIPLE -> TokenRejection.MULTIPLE_HEADERS.decision();
                case TOO_LONG -> TokenRejection.TOO_LONG.decision();
                case MALFORMED -> TokenRejection.MALFORMED.decision();
                case PRESENT -> verify(token.value());
            };
        } catch (RuntimeException e) {
            LOG.debug("JWT check failed unexpectedly ({})", e.getClass().getName());
            return TokenRejection.INVALID.decision();
        }
    }

    /** Stops the background JWKS refresh, if any. */
    @Override
    public void close() {
        keys.close();
    }

    private Decision verify(String token) {
        // Read before verifying: if the keys change meanwhile, the entry is stale at once, never wrongly fresh.
        Object keySet = keys.currentKeySet();
        TokenDigest digest = null;
        if (verified != null) {
            digest = TokenDigest.of(token);
            Decision.Proceed known = verified.find(digest, keySet);
            if (known != null) {
                return known;
            }
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            TokenRejection why = classify(e);
            LOG.debug("JWT refused: {} ({})", why, e.getClass().getSimpleName());
            return why.decision();
        }
        TokenRejection problem = check.problemWith(claims);
        if (problem != null) {
            return problem.decision();
        }
        Decision.Proceed accepted = Decision.authenticated(identities.of(claims));
        if (verified != null) {
            verified.remember(digest, accepted, claims, keySet);
        }
        return accepted;
    }

    private static TokenRejection classify(RuntimeException e) {
        if (e instanceof KeyLookupException lookup) {
            return lookup.rejection();
        }
        if (e instanceof ExpiredJwtException) {
            return TokenRejection.EXPIRED;
        }
        if (e instanceof PrematureJwtException) {
            return TokenRejection.NOT_YET_VALID;
        }
        if (e instanceof SignatureException) {
            // jjwt reports an unregistered (not allowed) algorithm as a SignatureException caused by this:
            return e.getCause() instanceof UnsupportedJwtException ? TokenRejection.UNSUPPORTED
                    : TokenRejection.BAD_SIGNATURE;
        }
        if (e instanceof UnsupportedJwtException) {
            return TokenRejection.UNSUPPORTED;
        }
        return e instanceof MalformedJwtException ? TokenRejection.MALFORMED : TokenRejection.INVALID;
    }

    private static JwtParser parser(JwtSettings settings, KeySource keys, Clock clock) {
        List<SecureDigestAlgorithm<?, ?>> allowed = settings.algorithms().stream()
                .<SecureDigestAlgorithm<?, ?>>map(name -> JwsAlgorithm.byName(name).orElseThrow().jjwt())
                .toList();
        return Jwts.parser()
                .json(new JwtJson())
                .keyLocator(new JwtKeyLocator(settings.algorithms(), keys))
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(settings.clockSkew().toSeconds())
                .sig().clear().add(allowed).and()
                .critical().clear().and()
                .zip().clear().and()
                .enc().clear().and()
                .key().clear().and()
                .build();
    }
}
