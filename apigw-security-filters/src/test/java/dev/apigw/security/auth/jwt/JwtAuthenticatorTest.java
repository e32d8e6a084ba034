package dev.apigw.security.auth.jwt;

import dev.apigw.security.Identity;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertAccepted;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRejected;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

class JwtAuthenticatorTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private JwtAuthenticator authenticator;

    private JwtAuthenticator authenticator(JwtSettings.Builder settings) {
        authenticator = JwtAuthenticator.create(settings.build(), clock);
        return authenticator;
    }

    private JwtAuthenticator standard() {
        return authenticator(JwtFixture.settings(dir, JwtFixture.standardKeys()));
    }

    @AfterEach
    void close() {
        if (authenticator != null) {
            authenticator.close();
        }
    }

    private static String rs256(Map<String, Object> claims) {
        return Tokens.rs256(Tokens.header("RS256", "rsa-1"), claims, TestKeys.RSA.getPrivate());
    }

    @Test
    void acceptsValidRs256TokenAsItsSubjectWithScopes() {
        Identity identity = assertAccepted(standard().authenticate(bearer(rs256(Tokens.claims(NOW))))).identity();

        assertThat(identity.principal()).isEqualTo("alice");
        assertThat(identity.authMethod()).isEqualTo("jwt");
        assertThat(identity.scopes()).containsExactlyInAnyOrder("pets:read", "pets:write");
        assertThat(identity.claims()).containsEntry("iss", Tokens.ISSUER).containsEntry("sub", "alice")
                .containsEntry("exp", NOW.plusSeconds(300).getEpochSecond());
    }

    @Test
    void acceptsValidEs256Token() {
        String token = Tokens.jjwt(Tokens.header("ES256", "ec-1"), Tokens.claims(NOW), TestKeys.EC.getPrivate(),
                Jwts.SIG.ES256);
        assertAccepted(standard().authenticate(bearer(token)));
    }

    @Test
    void acceptsValidEdDsaToken() {
        String token = Tokens.jjwt(Tokens.header("EdDSA", "ed-1"), Tokens.claims(NOW),
                TestKeys.ED25519.getPrivate(), Jwts.SIG.EdDSA);
        assertAccepted(standard().authenticate(bearer(token)));
    }

    @Test
    void acceptsLowerCaseBearerScheme() {
        FakeExchange exchange = FakeExchange.of(FakeRequest.get("/pets")
                .header("Authorization", "bearer " + rs256(Tokens.claims(NOW))).build());
        assertAccepted(standard().authenticate(exchange));
    }

    @Test
    void readsScopesFromArrayClaimsAndGroupsFromGroupClaims() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.remove("scope");
        claims.put("scp", List.of("pets:read", 42, ""));
        claims.put("cognito:groups", List.of("admins"));
        claims.put("groups", "staff ops");
        JwtAuthenticator auth = authenticator(JwtFixture.settings(dir, JwtFixture.standardKeys())
                .scopeClaims("scope", "scp", "cognito:groups").groupClaims("groups"));

        Identity identity = assertAccepted(auth.authenticate(bearer(rs256(claims)))).identity();

        assertThat(identity.scopes()).containsExactlyInAnyOrder("pets:read", "admins");
        assertThat(identity.groups()).containsExactlyInAnyOrder("staff", "ops");
        assertThat(identity.hasRole("admins")).isTrue();
    }

    @Test
    void keepsNestedClaimsAsImmutablePlainValues() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("realm_access", Map.of("roles", List.of("a", "b")));
        Identity identity = assertAccepted(standard().authenticate(bearer(rs256(claims)))).identity();

        assertThat(identity.claims().get("realm_access")).isEqualTo(Map.of("roles", List.of("a", "b")));
        assertThat(identity.claims().get("aud")).isEqualTo(List.of(Tokens.AUDIENCE));
    }

    @Test
    void rejectsExpiredToken() {
        clock.advance(Duration.ofSeconds(300 + 31));
        assertRejected(standard().authenticate(bearer(rs256(Tokens.claims(NOW)))), TokenRejection.EXPIRED);
    }

    @Test
    void acceptsTokenExpiredWithinClockSkew() {
        clock.advance(Duration.ofSeconds(300 + 29));
        assertAccepted(standard().authenticate(bearer(rs256(Tokens.claims(NOW)))));
    }

    @Test
    void rejectsTokenNotYetValid() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("nbf", NOW.plusSeconds(31).getEpochSecond());
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.NOT_YET_VALID);
    }

    @Test
    void acceptsTokenNotYetValidWithinClockSkew() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("nbf", NOW.plusSeconds(29).getEpochSecond());
        assertAccepted(standard().authenticate(bearer(rs256(claims))));
    }

    @Test
    void rejectsTokenIssuedInTheFutureBeyondSkew() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("iat", NOW.plusSeconds(31).getEpochSecond());
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.ISSUED_IN_FUTURE);
    }

    @Test
    void acceptsTokenIssuedInTheFutureWithinSkew() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("iat", NOW.plusSeconds(29).getEpochSecond());
        assertAccepted(standard().authenticate(bearer(rs256(claims))));
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.remove("exp");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.NO_EXPIRY);
    }

    @Test
    void rejectsTokenWithExpiryThatIsNotANumber() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("exp", "tomorrow");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.MALFORMED);
    }

    @Test
    void rejectsWrongIssuer() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("iss", Tokens.ISSUER + "/");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.WRONG_ISSUER);
    }

    @Test
    void rejectsMissingIssuer() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.remove("iss");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.WRONG_ISSUER);
    }

    @Test
    void rejectsWrongAudience() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("aud", List.of("other-api", "pets-api-2"));
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.WRONG_AUDIENCE);
    }

    @Test
    void rejectsMissingAudience() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.remove("aud");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.WRONG_AUDIENCE);
    }

    @Test
    void acceptsAudienceAsPlainString() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("aud", Tokens.AUDIENCE);
        assertAccepted(standard().authenticate(bearer(rs256(claims))));
    }

    @Test
    void acceptsAnyOfTheConfiguredAudiences() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("aud", List.of("unrelated", "orders-api"));
        JwtAuthenticator auth = authenticator(JwtFixture.settings(dir, JwtFixture.standardKeys())
                .audiences("pets-api", "orders-api"));
        assertAccepted(auth.authenticate(bearer(rs256(claims))));
    }

    @Test
    void rejectsTokenWithoutSubject() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.remove("sub");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.NO_SUBJECT);
    }

    @Test
    void rejectsTokenWithBlankSubject() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("sub", "  ");
        assertRejected(standard().authenticate(bearer(rs256(claims))), TokenRejection.NO_SUBJECT);
    }

    @Test
    void doesNotClaimRequestsWithoutBearerCredential() {
        JwtAuthenticator auth = standard();
        FakeExchange none = FakeExchange.of(FakeRequest.get("/pets").build());
        FakeExchange basic = FakeExchange.of(FakeRequest.get("/pets").header("Authorization", "Basic YTpi").build());

        assertThat(auth.name()).isEqualTo("jwt");
        assertThat(auth.credentialPresent(none)).isFalse();
        assertThat(auth.credentialPresent(basic)).isFalse();
        assertThat(auth.credentialPresent(bearer("x"))).isTrue();
        assertThat(auth.authenticate(none).proceeds()).isFalse();
    }

    @Test
    void rejectionNeverEchoesTheToken() {
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("iss", "https://evil.example");
        String token = rs256(claims);
        var problem = ((dev.apigw.security.Decision.Reject) standard().authenticate(bearer(token))).problem();

        assertThat(problem.toString()).doesNotContain(token.substring(0, 20)).doesNotContain("evil");
    }
}
