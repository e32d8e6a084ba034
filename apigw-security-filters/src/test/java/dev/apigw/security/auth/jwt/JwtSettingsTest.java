package dev.apigw.security.auth.jwt;

import dev.apigw.security.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSettingsTest {

    private static final Secret SECRET_256 = Secret.of(new byte[32]);

    private static JwtSettings.Builder jwks() {
        return JwtSettings.builder().issuer("https://issuer.example.com").audiences("pets-api")
                .jwksUri("https://issuer.example.com/.well-known/jwks.json");
    }

    private static JwtSettings.Builder secret(Secret secret) {
        return JwtSettings.builder().issuer("https://issuer.example.com").audiences("pets-api").secret(secret);
    }

    @Test
    void buildsWithTheContractDefaults() {
        JwtSettings settings = jwks().build();

        assertThat(settings.algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.scopeClaims()).containsExactly("scope", "scp");
        assertThat(settings.groupClaims()).isEmpty();
        assertThat(settings.maxTokenLength()).isEqualTo(8192);
        JwksSettings keys = settings.jwks().orElseThrow();
        assertThat(keys.refreshInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(keys.minRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(keys.maxDocumentBytes()).isEqualTo(512 * 1024);
        assertThat(keys.maxKeys()).isEqualTo(100);
        assertThat(settings.secret()).isEmpty();
    }

    @Test
    void defaultsToHs256WithASecret() {
        assertThat(secret(SECRET_256).build().algorithms()).containsExactly("HS256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE", " none "})
    void refusesNoneInAnyCasing(String alg) {
        assertThatThrownBy(() -> jwks().algorithms("RS256", alg).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can never be allowed");
    }

    @Test
    void refusesHmacAlgorithmBesideAJwks() {
        assertThatThrownBy(() -> jwks().algorithms("RS256", "HS256").build())
                .hasMessageContaining("HS256 needs a secret")
                .hasMessageContaining("must never serve as an HMAC secret");
    }

    @Test
    void refusesPublicKeyAlgorithmWithASecret() {
        assertThatThrownBy(() -> secret(SECRET_256).algorithms("HS256", "RS256").build())
                .hasMessageContaining("RS256 needs a jwksUri");
    }

    @Test
    void refusesSecretUnder256Bits() {
        assertThatThrownBy(() -> secret(Secret.of(new byte[31])).build())
                .hasMessageContaining("jwt.secret has 248 bits; HS256 needs at least 256");
    }

    @Test
    void refusesSecretShorterThanTheLongestAllowedHmac() {
        assertThatThrownBy(() -> secret(Secret.of(new byte[48])).algorithms("HS256", "HS512").build())
                .hasMessageContaining("HS512 needs at least 512");
        assertThat(secret(Secret.of(new byte[64])).algorithms("HS256", "HS384", "HS512").build().algorithms())
                .hasSize(3);
    }

    @Test
    void refusesBothKeySourcesAndNeither() {
        assertThatThrownBy(() -> jwks().secret(SECRET_256).build()).hasMessageContaining("not both");
        assertThatThrownBy(() -> JwtSettings.builder().issuer("i").audiences("a").build())
                .hasMessageContaining("needs a key source");
    }

    @Test
    void refusesUnknownAlgorithmAndHintsAtCasing() {
        assertThatThrownBy(() -> jwks().algorithms("rs256").build()).hasMessageContaining("did you mean RS256?");
        assertThatThrownBy(() -> jwks().algorithms("RS1").build()).hasMessageContaining("not a supported");
        assertThatThrownBy(() -> jwks().algorithms(List.of()).build()).hasMessageContaining("at least one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://issuer.example.com/jwks.json", "jar:file:/x.jar!/jwks.json", "jwks.json",
            "https:///jwks.json", "mailto:a@example.com"})
    void refusesJwksUriOfAnotherKind(String uri) {
        assertThatThrownBy(() -> jwks().jwksUri(uri).build()).hasMessageContaining("jwksUri");
    }

    @Test
    void acceptsHttpAndFileJwksUris() {
        assertThat(jwks().jwksUri("http://localhost:8080/jwks.json").build().jwks()).isPresent();
        assertThat(jwks().jwksUri("file:///etc/apigw/jwks.json").build().jwks()).isPresent();
    }

    @Test
    void refusesClockSkewOutsideItsBounds() {
        assertThatThrownBy(() -> jwks().clockSkew(Duration.ofMinutes(6)).build())
                .hasMessage("jwt.clockSkew must be between 0s and 5m, not 6m");
        assertThatThrownBy(() -> jwks().clockSkew(Duration.ofSeconds(-1)).build()).hasMessageContaining("clockSkew");
        assertThatThrownBy(() -> jwks().clockSkew(Duration.ofMillis(1500)).build())
                .hasMessageContaining("whole seconds, not 1500ms");
    }

    @Test
    void refusesMissingIssuerOrAudience() {
        assertThatThrownBy(() -> jwks().issuer(" ").build()).hasMessageContaining("jwt.issuer is required");
        assertThatThrownBy(() -> jwks().audiences(List.of()).build()).hasMessageContaining("jwt.audiences");
        assertThatThrownBy(() -> jwks().audiences("pets-api", null).build()).hasMessageContaining("jwt.audiences");
        assertThatThrownBy(() -> jwks().scopeClaims("scope", null).build()).hasMessageContaining("scopeClaims");
        assertThatThrownBy(() -> jwks().algorithms("RS256", null).build()).hasMessageContaining("null");
    }

    @Test
    void refusesMinRefreshIntervalLongerThanTheInterval() {
        assertThatThrownBy(() -> jwks().jwksRefresh(Duration.ofMinutes(1), Duration.ofMinutes(2)).build())
                .hasMessage("jwksRefresh.minInterval (2m) must not be longer than jwksRefresh.interval (1m)");
    }

    @Test
    void refusesUnboundedLimits() {
        assertThatThrownBy(() -> jwks().jwksLimits(100 * 1024 * 1024, 100).build()).hasMessageContaining("size");
        assertThatThrownBy(() -> jwks().jwksLimits(1024, 0).build()).hasMessageContaining("key limit");
        assertThatThrownBy(() -> jwks().maxTokenLength(1 << 20).build()).hasMessageContaining("token length");
        assertThatThrownBy(() -> jwks().jwksTimeouts(Duration.ZERO, Duration.ofSeconds(1)).build())
                .hasMessageContaining("connect timeout");
    }

    @Test
    void neverShowsTheSecret() {
        JwtSettings settings = secret(Secret.of("s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t")).build();
        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("redacted");
    }

    @Test
    void logsJwksUriWithoutCredentials() {
        JwtSettings settings = jwks().jwksUri("https://user:pw@issuer.example.com:8443/jwks.json?token=t").build();
        assertThat(settings.jwks().orElseThrow().uriForLog()).isEqualTo("https://issuer.example.com:8443/jwks.json");
    }

    @Test
    void remembersVerifiedTokensByDefault() {
        JwtSettings settings = jwks().build();

        assertThat(settings.verifiedTokenCacheEntries()).isEqualTo(10_000);
        assertThat(settings.verifiedTokenCacheMaxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.toString()).contains("verifiedTokenCache=10000/1m");
    }

    @Test
    void turnsTheVerifiedTokenCacheOff() {
        JwtSettings settings = jwks().noVerifiedTokenCache().build();

        assertThat(settings.verifiedTokenCacheEntries()).isZero();
        assertThat(settings.toString()).contains("verifiedTokenCache=off");
        assertThat(jwks().verifiedTokenCache(0, Duration.ZERO).build().verifiedTokenCacheEntries()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 1_000_001})
    void refusesAVerifiedTokenCacheBoundOutOfRange(int maxEntries) {
        assertThatThrownBy(() -> jwks().verifiedTokenCache(maxEntries, Duration.ofSeconds(60)).build())
                .hasMessage("jwt.verifiedTokenCache.maxEntries must be between 2 and 1000000, or 0 to verify every"
                        + " token, not " + maxEntries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.5S", "PT1H0.001S", "PT-1S"})
    void refusesAVerifiedTokenCacheMaxAgeOutOfRange(String maxAge) {
        assertThatThrownBy(() -> jwks().verifiedTokenCache(100, Duration.parse(maxAge)).build())
                .hasMessageStartingWith("jwt.verifiedTokenCache.maxAge must be between 1s and 1h, not ");
        assertThatThrownBy(() -> jwks().verifiedTokenCache(100, null).build())
                .hasMessage("jwt.verifiedTokenCache.maxAge must be between 1s and 1h, not null");
    }
}
