package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyAuthenticatorTest {

    @TempDir
    Path folder;
    KeyFileFixture keys;

    @BeforeEach
    void start() {
        keys = new KeyFileFixture(folder, ApiKeyFile.empty());
    }

    @AfterEach
    void stop() {
        keys.close();
    }

    @Test
    void acceptsValidKeyAndPublishesPrincipalScopesKeyIdAndPlan() {
        String key = keys.issue(null);

        Decision decision = keys.authenticate(key);

        assertThat(decision).isInstanceOf(Decision.Proceed.class);
        Identity identity = ((Decision.Proceed) decision).identity();
        assertThat(identity.principal()).isEqualTo("partner-a");
        assertThat(identity.authMethod()).isEqualTo("apiKey");
        assertThat(identity.scopes()).containsExactly("pets:read");
        assertThat(identity.plan()).isEqualTo("gold");
        assertThat(identity.apiKeyId()).isEqualTo(keys.idOf(key)).doesNotContain(key);
        assertThat(identity.toString()).doesNotContain(key);
    }

    @Test
    void refusesUnknownKey() {
        keys.issue(null);

        Problem problem = problemOf(keys.authenticate(ApiKeyFormat.standard().generate()));

        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "ApiKey realm=\"api\"");
    }

    @Test
    void refusesKeyRevokedWhileRunningWithinOneSecondOfTheRewrite() {
        String key = keys.issue(null);
        assertThat(keys.authenticate(key).proceeds()).isTrue();

        keys.rewrite(keys.content.revoke(keys.idOf(key)));
        keys.advance(Duration.ofSeconds(1));

        Problem problem = problemOf(keys.authenticate(key));
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.internalNote()).contains("revoked").contains(keys.content.keys().get(0).id());
    }

    @Test
    void refusesKeyFromTheMomentItExpires() {
        Instant expiresAt = keys.clock.instant().plus(Duration.ofHours(1)).plus(Duration.ofMillis(500));
        String key = keys.issue(expiresAt);

        keys.clock.advance(Duration.between(keys.clock.instant(), expiresAt).minusMillis(1));
        assertThat(keys.authenticate(key).proceeds()).isTrue();

        keys.advance(Duration.ofMillis(1));
        Problem problem = problemOf(keys.authenticate(key));
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.internalNote()).contains("expired");
    }

    @Test
    void unknownRevokedAndExpiredKeysLookTheSameToTheClient() {
        String revoked = keys.issue(null);
        String expired = keys.issue(keys.clock.instant().plusSeconds(1));
        keys.rewrite(keys.content.revoke(keys.idOf(revoked)));
        keys.advance(Duration.ofSeconds(2));

        List<Problem> problems = List.of(problemOf(keys.authenticate(ApiKeyFormat.standard().generate())),
                problemOf(keys.authenticate(revoked)), problemOf(keys.authenticate(expired)));

        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.status()).isEqualTo(401);
            assertThat(problem.reason()).isEqualTo("invalid_credentials");
            assertThat(problem.title()).isEqualTo(problems.get(0).title());
            assertThat(problem.detail()).isEqualTo("The API key is not valid");
            assertThat(problem.headers()).isEqualTo(Map.of("WWW-Authenticate", "ApiKey realm=\"api\""));
        });
        assertThat(problems).extracting(Problem::internalNote).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "apikey", "x-api-key", "API_KEY", "ApiKey", "X-Api-Key"})
    void neverReadsTheKeyFromTheQueryString(String parameter) {
        String key = keys.issue(null);
        RecordingStore store = RecordingStore.empty();
        ApiKeyAuthenticator authenticator = ApiKeyAuthenticator.builder(store).build();
        FakeExchange exchange = FakeExchange.of(FakeRequest.get("/pets").query(parameter, key).build());

        assertThat(keys.authenticator.credentialPresent(exchange)).isFalse();
        Problem problem = problemOf(keys.authenticator.authenticate(exchange));
        assertThat(problem.reason()).isEqualTo("unauthenticated");
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "ApiKey realm=\"api\"");
        authenticator.authenticate(exchange);
        assertThat(store.asked).isEmpty();
    }

    @Test
    void refusesTwoKeyHeadersEvenWhenBothAreValid() {
        String first = keys.issue(null);
        String second = keys.issue(null);
        FakeExchange exchange = FakeExchange.of(FakeRequest.get("/pets")
                .header("X-Api-Key", first).header("x-api-key", second).build());

        assertThat(keys.authenticator.credentialPresent(exchange)).isTrue();
        Problem problem = problemOf(keys.authenticator.authenticate(exchange));
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.detail()).isEqualTo("Send one X-Api-Key header");
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 4096, 1_000_000})
    void refusesOverlongKeyWithoutHashingOrLookingItUp(int length) {
        RecordingStore store = RecordingStore.empty();
        ApiKeyAuthenticator authenticator = ApiKeyAuthenticator.builder(store).build();

        Problem problem = problemOf(authenticator.authenticate(exchangeWith("k".repeat(length))));

        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.internalNote()).contains("length limit");
        assertThat(store.asked).isEmpty();
    }

    @Test
    void acceptsAnImportedKeyUpToTheLengthLimit() {
        String imported = "legacy-" + "x".repeat(249);
        keys.rewrite(keys.content.with(new StoredKey("legacy-1", KeyHash.of(imported), "free", "old-partner",
                List.of(), null, false)));
        keys.advance(Duration.ofSeconds(1));

        assertThat(imported).hasSize(256);
        assertThat(keys.authenticate(imported).proceeds()).isTrue();
        assertThat(keys.authenticate(imported + "x").proceeds()).isFalse();
    }

    @Test
    void bothKeysWorkDuringTheRotationOverlapAndOnlyTheNewOneAfterIt() {
        String old = keys.issue(null);
        ApiKeyFile.Issued rotated = keys.content.rotate(keys.idOf(old), Duration.ofHours(24), keys.clock.instant(),
                null);
        keys.rewrite(rotated.file());
        keys.advance(Duration.ofSeconds(1));

        assertThat(keys.authenticate(old).proceeds()).isTrue();
        assertThat(keys.authenticate(rotated.key()).proceeds()).isTrue();
        assertThat(identityOf(keys.authenticate(rotated.key())).principal()).isEqualTo("partner-a");

        keys.advance(Duration.ofHours(24));
        assertThat(keys.authenticate(old).proceeds()).isFalse();
        assertThat(keys.authenticate(rotated.key()).proceeds()).isTrue();
    }

    @Test
    void decidesByAConstantTimeComparisonOfTheStoredHashNotByTheStoreFindingSomething() {
        // A store that matches loosely, as a prefix index or a bad cache might: it answers a key with another hash.
        byte[] otherHash = KeyHash.of("another key entirely, 12345");
        RecordingStore loose = new RecordingStore(hash -> Optional.of(
                new StoredKey("k-loose", otherHash, "gold", "partner-a", List.of(), null, false)));
        ApiKeyAuthenticator authenticator = ApiKeyAuthenticator.builder(loose).build();

        Problem problem = problemOf(authenticator.authenticate(exchangeWith(ApiKeyFormat.standard().generate())));

        assertThat(loose.asked).hasSize(1);
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.internalNote()).contains("different hash");
    }

    @Test
    void refusesAPrefixedKeyWithABadChecksumWithoutLookingItUp() {
        String key = ApiKeyFormat.standard().generate();
        String typo = key.substring(0, 10) + (key.charAt(10) == 'a' ? 'b' : 'a') + key.substring(11);
        RecordingStore store = new RecordingStore(hash -> Optional.of(
                new StoredKey("k-1", hash, "gold", "partner-a", List.of(), null, false)));

        Problem problem = problemOf(ApiKeyAuthenticator.builder(store).build().authenticate(exchangeWith(typo)));

        assertThat(problem.internalNote()).contains("checksum");
        assertThat(store.asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short-key", "has a space in it 1234", "tab\tinside-the-key-123", "é-not-ascii-key-12345"})
    void refusesMalformedKeysWithoutLookingThemUp(String key) {
        RecordingStore store = RecordingStore.empty();

        Problem problem = problemOf(ApiKeyAuthenticator.builder(store).build().authenticate(exchangeWith(key)));

        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(store.asked).isEmpty();
    }

    @Test
    void aFailingStoreIsA401AndNeverAnException() {
        ApiKeyAuthenticator authenticator = ApiKeyAuthenticator.builder(hash -> {
            throw new IllegalStateException("database on fire");
        }).build();

        Problem problem = problemOf(authenticator.authenticate(exchangeWith(ApiKeyFormat.standard().generate())));

        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.reason()).isEqualTo("invalid_credentials");
        assertThat(problem.detail()).doesNotContain("fire");
    }

    @Test
    void readsOnlyTheConfiguredHeader() {
        String key = keys.issue(null);
        ApiKeyAuthenticator partner = ApiKeyAuthenticator.builder(keys.store).header("X-Partner-Key")
                .clock(keys.clock).build();

        FakeExchange inDefaultHeader = exchangeWith(key);
        FakeExchange inPartnerHeader = FakeExchange.of(FakeRequest.get("/").header("X-Partner-Key", key).build());

        assertThat(partner.credentialPresent(inDefaultHeader)).isFalse();
        assertThat(partner.authenticate(inPartnerHeader).proceeds()).isTrue();
    }

    @Test
    void noAnswerEverCarriesTheKey() {
        String key = keys.issue(keys.clock.instant().plusSeconds(1));
        keys.advance(Duration.ofSeconds(5));

        for (String presented : List.of(key, key + "x", ApiKeyFormat.standard().generate())) {
            Problem problem = problemOf(keys.authenticate(presented));
            assertThat(String.join("|", problem.toString(), String.valueOf(problem.internalNote())))
                    .doesNotContain(presented).doesNotContain(KeyHash.hex(KeyHash.of(presented)));
        }
    }

    @Test
    void answersNoCredentialWithTheChallengeAndNameIsApiKey() {
        Problem problem = problemOf(keys.authenticator.authenticate(FakeExchange.of(FakeRequest.get("/").build())));

        assertThat(keys.authenticator.name()).isEqualTo("apiKey");
        assertThat(keys.authenticator.challenge()).isEqualTo("ApiKey realm=\"api\"");
        assertThat(problem.reason()).isEqualTo("unauthenticated");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        ApiKeyAuthenticator.Builder builder = ApiKeyAuthenticator.builder(RecordingStore.empty());

        assertThatThrownBy(() -> builder.header("X Api Key")).hasMessageContaining("header field name");
        assertThatThrownBy(() -> builder.header("X-Api-Key\r\nX-Evil")).hasMessageContaining("header field name");
        assertThatThrownBy(() -> builder.maxLength(43)).hasMessageContaining("between 44 and 4096");
        assertThatThrownBy(() -> builder.maxLength(4097)).hasMessageContaining("between 44 and 4096");
    }

    private static FakeExchange exchangeWith(String key) {
        return FakeExchange.of(FakeRequest.get("/pets").header("X-Api-Key", key).build());
    }

    private static Problem problemOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) decision).problem();
    }

    private static Identity identityOf(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Proceed.class);
        return ((Decision.Proceed) decision).identity();
    }
}
