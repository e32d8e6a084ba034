package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.Claims;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The claim rules jjwt does not apply on its own (it checks the signature, {@code exp} and {@code nbf}): {@code exp}
 * is required, {@code iat} must not lie in the future beyond the skew, {@code iss} must match exactly, {@code aud}
 * must hold one accepted audience (RFC 7519 §4.1.3, a string or an array), and {@code sub} must be present since it
 * becomes the principal.
 */
final class ClaimsCheck {

    private final String issuer;
    private final List<String> audiences;
    private final Duration skew;
    private final Clock clock;

    ClaimsCheck(JwtSettings settings, Clock clock) {
        this.issuer = settings.issuer();
        this.audiences = settings.audiences();
        this.skew = settings.clockSkew();
        this.clock = clock;
    }

    /** What is wrong with the claims, or {@code null} when they pass. */
    TokenRejection problemWith(Claims claims) {
        if (claims.getExpiration() == null) {
            return TokenRejection.NO_EXPIRY;
        }
        Date iat = claims.getIssuedAt();
        if (iat != null && iat.toInstant().isAfter(clock.instant().plus(skew))) {
            return TokenRejection.ISSUED_IN_FUTURE;
        }
        if (!issuer.equals(claims.getIssuer())) {
            return TokenRejection.WRONG_ISSUER;
        }
        Set<String> aud = claims.getAudience();
        if (aud == null || aud.stream().noneMatch(audiences::contains)) {
            return TokenRejection.WRONG_AUDIENCE;
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) {
            return TokenRejection.NO_SUBJECT;
        }
        return null;
    }
}
