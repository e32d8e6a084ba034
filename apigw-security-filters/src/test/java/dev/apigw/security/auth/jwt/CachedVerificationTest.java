package dev.apigw.security.auth.jwt;

import dev.apigw.security.testing.MutableClock;
import dev.apigw.security.Decision;
import dev.apigw.security.Secret;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertAccepted;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRejected;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token cache inside {@link JwtAuthenticator}: a repeated token skips the signature check, and the
 * answer is always the one a full check would give. Keys come from a live local JWKS server; the clock is moved.
 */
class CachedVerificationTest {

    private static final Duration SKEW = JwtSettings.DEFAULT_CLOCK_SKEW;

    private final MutableClock clock = new MutableClock(NOW);
    private FakeJwksServer server;
    private JwksCache jwks;
    private RecordingKeySource keys;
    private JwtAuthenticator cached;
    private JwtAuthenticator uncached;

    @AfterEach
    void stop() {
        for (AutoCloseable open : new AutoCloseable[] {cached, uncached, server}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private JwtSettings.Builder settings() throws Exception {
        server = new FakeJwksServer().serve(JwtFixture.standardKeys().json());
        return JwtSettings.builder().issuer(Tokens.ISSUER).audiences(Tokens.AUDIENCE).jwksUri(server.uri())
                .algorithms("RS256", "ES256");
    }

    private void start(JwtSettings.Builder builder) {
        JwtSettings settings = builder.build();
        jwks = JwksCache.start(settings.jwks().orElseThrow(), clock, new RecordingScheduler());
        keys = new RecordingKeySource(jwks);
        cached = new JwtAuthenticator(settings, keys, clock);
    }

    private static String rs256(Map<String, Object> claims) {
        return Tokens.rs256(Tokens.header("RS256", "rsa-1"), claims, TestKeys.RSA.getPrivate());
    }

    private Decision authenticate(String token) {
        return cached.authenticate(bearer(token));
    }

    @Test
    void repeatedTokenSkipsTheSignatureCheckAndGetsTheSameIdentity() throws Exception {
        start(settings());
        String token = rs256(Tokens.claims(NOW));

        Decision first = assertAccepted(authenticate(token));
        Decision second = assertAccepted(authenticate(token));
        assertAccepted(authenticate(token));

        assertThat(keys.lookups()).isEqualTo(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void cachesEs256TokensToo() throws Exception {
        start(settings());
        String token = Tokens.jjwt(Tokens.header("ES256", "ec-1"), Tokens.claims(NOW), TestKeys.EC.getPrivate(),
                Jwts.SIG.ES256);

        assertAccepted(authenticate(token));
        assertAccepted(authenticate(token));
        assertThat(keys.lookups()).isEqualTo(1);
    }

    @Test
    void verifiesEveryTokenWhenTheCacheIsOff() throws Exception {
        start(settings().noVerifiedTokenCache());
        String token = rs256(Tokens.claims(NOW));

        for (int i = 0; i < 3; i++) {
            assertAccepted(authenticate(token));
        }
        assertThat(keys.lookups()).isEqualTo(3);
    }

    @Test
    void neverRemembersATokenWithABadSignature() throws Exception {
        start(settings());
        String forged = Tokens.rs256(Tokens.header("RS256", "rsa-1"), Tokens.claims(NOW),
                TestKeys.RSA_OTHER.getPrivate());

        assertRejected(authenticate(forged), TokenRejection.BAD_SIGNATURE);
        assertRejected(authenticate(forged), TokenRejection.BAD_SIGNATURE);
        assertThat(keys.lookups()).isEqualTo(2);
    }

    @Test
    void neverRemembersATokenThatFailedTheClaimChecks() throws Exception {
        start(settings());
        Map<String, Object> claims = Tokens.claims(NOW);
        claims.put("aud", "another-api");
        String token = rs256(claims);

        assertRejected(authenticate(token), TokenRejection.WRONG_AUDIENCE);
        assertRejected(authenticate(token), TokenRejection.WRONG_AUDIENCE);
        assertThat(keys.lookups()).isEqualTo(2);
    }

    @Test
    void cachedTokenIsAcceptedExactlyWhenAFullCheckAcceptsIt() throws Exception {
        start(settings());
        uncached = new JwtAuthenticator(settings().noVerifiedTokenCache().build(), jwks, clock);
        Instant exp = NOW.plusSeconds(300);
        Instant nbf = NOW.minusSeconds(20);
        Map<String, Object> withNbf = Tokens.claims(NOW.minusSeconds(60));
        withNbf.put("exp", exp.getEpochSecond());
        withNbf.put("nbf", nbf.getEpochSecond());
        String[] tokens = {rs256(withNbf), rs256(Tokens.claims(NOW))};
        for (String token : tokens) {
            assertAccepted(authenticate(token));
        }

        // Across each edge of the window (exp, nbf, iat), forwards and backwards in time: the cache never differs.
        for (Instant edge : new Instant[] {exp.plus(SKEW), nbf.minus(SKEW), NOW.minus(SKEW)}) {
            for (long offsetMillis = -1500; offsetMillis <= 1500; offsetMillis += 250) {
                clock.advance(Duration.between(clock.instant(), edge.plusMillis(offsetMillis)));
                for (String token : tokens) {
                    Decision fromCache = authenticate(token);
                    Decision fromFullCheck = uncached.authenticate(bearer(token));
                    assertThat(fromCache.proceeds()).as("at %s", clock.instant())
                            .isEqualTo(fromFullCheck.proceeds());
                    if (!fromCache.proceeds()) {
                        assertThat(fromCache).isEqualTo(fromFullCheck);
                    }
                }
            }
        }
        clock.advance(Duration.between(clock.instant(), nbf.minus(SKEW).minusSeconds(1)));
        assertRejected(authenticate(tokens[0]), TokenRejection.NOT_YET_VALID);
        assertRejected(authenticate(tokens[1]), TokenRejection.ISSUED_IN_FUTURE);
    }

    @Test
    void expiredCachedTokenIsRefusedAsExpired() throws Exception {
        start(settings());
        String token = rs256(Tokens.claims(NOW));
        assertAccepted(authenticate(token));

        clock.advance(Duration.ofSeconds(300).plus(SKEW).plusSeconds(1));
        assertRejected(authenticate(token), TokenRejection.EXPIRED);
    }

    @Test
    void checksTheSignatureAgainAfterMaxAge() throws Exception {
        start(settings().verifiedTokenCache(100, Duration.ofSeconds(10)));
        String token = rs256(Tokens.claims(NOW));
        assertAccepted(authenticate(token));

        clock.advance(Duration.ofSeconds(10));
        assertAccepted(authenticate(token));
        assertThat(keys.lookups()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertAccepted(authenticate(token));
        assertThat(keys.lookups()).isEqualTo(2);
    }

    @Test
    void cachedTokenStopsWorkingAtTheRefreshThatRemovesItsKey() throws Exception {
        start(settings());
        String token = rs256(Tokens.claims(NOW));
        assertAccepted(authenticate(token));
        assertAccepted(authenticate(token));

        server.serve(JwksDocument.with("ec-1", TestKeys.EC.getPublic()).json());
        jwks.refresh().join();

        assertRejected(authenticate(token), TokenRejection.UNKNOWN_KEY);
    }

    @Test
    void cachedTokenStopsWorkingAtTheRefreshThatReplacesItsKey() throws Exception {
        start(settings());
        String token = rs256(Tokens.claims(NOW));
        assertAccepted(authenticate(token));

        server.serve(JwksDocument.with("rsa-1", TestKeys.RSA_OTHER.getPublic()).json());
        jwks.refresh().join();

        assertRejected(authenticate(token), TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void cachedTokenSurvivesARefreshThatChangesNothing() throws Exception {
        start(settings());
        String token = rs256(Tokens.claims(NOW));
        assertAccepted(authenticate(token));
        Object before = jwks.currentKeySet();

        jwks.refresh().join();

        assertThat(server.hits()).isEqualTo(2);
        assertThat(jwks.currentKeySet()).isSameAs(before);
        assertAccepted(authenticate(token));
        assertThat(keys.lookups()).isEqualTo(1);
    }

    @Test
    void cachesTokensSignedWithTheSecret() {
        Secret secret = Secret.of(new byte[32]);
        JwtSettings settings = JwtSettings.builder().issuer(Tokens.ISSUER).audiences(Tokens.AUDIENCE)
                .secret(secret).build();
        keys = new RecordingKeySource(new SecretKeySource(secret));
        cached = new JwtAuthenticator(settings, keys, clock);
        String token = Tokens.hmac("HmacSHA256", Tokens.header("HS256", null), Tokens.claims(NOW), new byte[32]);

        assertAccepted(authenticate(token));
        assertAccepted(authenticate(token));
        assertThat(keys.lookups()).isEqualTo(1);
    }

    @Test
    void aSourceThatCannotTellWhenItsKeysChangeGetsNoCaching() throws Exception {
        start(settings());
        KeySource opaque = jwks::find;
        RecordingKeySource counted = new RecordingKeySource(opaque);
        uncached = new JwtAuthenticator(settings().build(), counted, clock);
        String token = rs256(Tokens.claims(NOW));

        assertAccepted(uncached.authenticate(bearer(token)));
        assertAccepted(uncached.authenticate(bearer(token)));
        assertThat(counted.lookups()).isEqualTo(2);
    }
}
