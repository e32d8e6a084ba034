package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A custom authorizer as an authentication method: allow, deny, the cache, missing sources and failing plugins. */
class AuthorizerAuthenticatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final RecordingAuthorizer plugin = new RecordingAuthorizer();
    private AuthorizerAuthenticator auth;

    @AfterEach
    void close() {
        if (auth != null) {
            auth.close();
        }
    }

    private AuthorizerAuthenticator start(CustomAuthorizer p, UnaryOperator<AuthorizerSettings.Builder> settings) {
        auth = new AuthorizerAuthenticator(settings.apply(AuthorizerSettings.builder("partner").authorizer(p)
                .identitySource(RecordingAuthorizer.TOKEN_SOURCE).identitySource("query:tenant")).build(), clock);
        return auth;
    }

    private AuthorizerAuthenticator start() {
        return start(plugin, b -> b.cacheTtl(Duration.ofMinutes(5)));
    }

    private static FakeExchange request(String token, String tenant) {
        FakeRequest.Builder b = FakeRequest.get("/pets/7");
        if (token != null) {
            b.header("X-Partner-Token", token);
        }
        if (tenant != null) {
            b.query("tenant", tenant);
        }
        return FakeExchange.of(b.build()).withRoute("/pets/{id}");
    }

    private static Problem problem(Decision d) {
        assertThat(d).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) d).problem();
    }

    @Test
    void allowBecomesTheIdentityAndThePluginSeesTheRequest() {
        Decision d = start().authenticate(request("good-token", "acme"));
        Identity id = ((Decision.Proceed) d).identity();
        assertThat(id.principal()).isEqualTo("partner-a");
        assertThat(id.authMethod()).isEqualTo("partner");
        assertThat(id.scopes()).containsExactly("pets:read");
        assertThat(id.claims()).containsEntry("tier", "gold");
        CustomAuthorizer.Request seen = plugin.seen().get(0);
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.path()).isEqualTo("/pets/7");
        assertThat(seen.route()).isEqualTo("/pets/{id}");
        assertThat(seen.clientAddress()).isEqualTo("192.0.2.10");
        assertThat(seen.headers()).containsEntry("x-partner-token", java.util.List.of("good-token"));
        assertThat(seen.query()).containsEntry("tenant", java.util.List.of("acme"));
        assertThat(seen.identitySources()).isEqualTo(Map.of("header:X-Partner-Token", "good-token",
                "query:tenant", "acme"));
    }

    @Test
    void denyIs403() {
        Problem p = problem(start().authenticate(request("wrong", "acme")));
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.reason()).isEqualTo("authorizer_denied");
    }

    @Test
    void answersAreCachedWithinTheTtlDenyToo() {
        start();
        for (int i = 0; i < 3; i++) {
            assertThat(auth.authenticate(request("good-token", "acme")).proceeds()).isTrue();
            assertThat(auth.authenticate(request("wrong", "acme")).proceeds()).isFalse();
        }
        assertThat(plugin.calls()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        auth.authenticate(request("good-token", "acme"));
        assertThat(plugin.calls()).isEqualTo(2);
    }

    @Test
    void answersExpireAfterTheTtl() {
        start();
        auth.authenticate(request("good-token", "acme"));
        clock.advance(Duration.ofMinutes(5));
        auth.authenticate(request("good-token", "acme"));
        assertThat(plugin.calls()).isEqualTo(2);
    }

    @Test
    void cacheKeyCannotBeForgedByMovingASeparator() {
        start();
        auth.authenticate(request("good-token", "acme"));
        auth.authenticate(request("good-tokenacme", ""));
        auth.authenticate(request("good-token\u0000", "acme"));
        auth.authenticate(request("good-toke", "nacme"));
        assertThat(plugin.calls()).isEqualTo(3);
        assertThat(CacheKey.of("/r", "GET", java.util.List.of("ab", "c")))
                .isNotEqualTo(CacheKey.of("/r", "GET", java.util.List.of("a", "bc")));
    }

    @Test
    void cachedAnswersAreNotSharedAcrossRoutesOrMethods() {
        start();
        auth.authenticate(request("good-token", "acme"));
        auth.authenticate(request("good-token", "acme").withRoute("/admin"));
        auth.authenticate(FakeExchange.of(FakeRequest.request("DELETE", "/pets/7")
                .header("X-Partner-Token", "good-token").query("tenant", "acme").build()).withRoute("/pets/{id}"));
        assertThat(plugin.calls()).isEqualTo(3);
    }

    @Test
    void zeroTtlCallsThePluginEveryTime() {
        start(plugin, b -> b.cacheTtl(Duration.ZERO));
        auth.authenticate(request("good-token", "acme"));
        auth.authenticate(request("good-token", "acme"));
        assertThat(plugin.calls()).isEqualTo(2);
    }

    @Test
    void missingIdentitySourceIs401WithoutCallingThePlugin() {
        start();
        assertThat(auth.credentialPresent(request(null, null))).isFalse();
        assertThat(auth.credentialPresent(request(null, "acme"))).isTrue();
        Problem p = problem(auth.authenticate(request(null, "acme")));
        assertThat(p.status()).isEqualTo(401);
        assertThat(p.reason()).isEqualTo("unauthenticated");
        assertThat(problem(auth.authenticate(request("good-token", "  "))).reason()).isEqualTo("unauthenticated");
        assertThat(plugin.calls()).isZero();
    }

    @Test
    void repeatedOrOverlongSourceIsInvalidWithoutCallingThePlugin() {
        start();
        var twice = FakeExchange.of(FakeRequest.get("/pets/7").header("X-Partner-Token", "good-token")
                .header("X-Partner-Token", "other").query("tenant", "acme").build());
        assertThat(problem(auth.authenticate(twice)).reason()).isEqualTo("invalid_credentials");
        String longToken = "x".repeat(AuthorizerAuthenticator.MAX_VALUE_LENGTH + 1);
        assertThat(problem(auth.authenticate(request(longToken, "acme"))).reason()).isEqualTo("invalid_credentials");
        assertThat(plugin.calls()).isZero();
    }

    @Test
    void exceptionIs503AndIsNotCached() {
        RecordingAuthorizer failing = new RecordingAuthorizer(r -> {
            throw new IllegalStateException("secret-token-in-message");
        });
        start(failing, b -> b);
        for (int i = 0; i < 2; i++) {
            Problem p = problem(auth.authenticate(request("good-token", "acme")));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.reason()).isEqualTo("authorizer_failed");
            assertThat(p.internalNote()).contains("IllegalStateException").doesNotContain("secret-token");
        }
        assertThat(failing.calls()).isEqualTo(2);
    }

    @Test
    void nullAnswerOrAllowWithoutPrincipalIs503() {
        start(new RecordingAuthorizer(r -> null), b -> b);
        assertThat(problem(auth.authenticate(request("good-token", "acme"))).status()).isEqualTo(503);
        auth.close();
        start(new RecordingAuthorizer(r -> CustomAuthorizer.Answer.allow(" ", Set.of(), Map.of())), b -> b);
        assertThat(problem(auth.authenticate(request("good-token", "acme"))).status()).isEqualTo(503);
    }

    @Test
    void timeoutIs503WithinTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        RecordingAuthorizer blocking = new RecordingAuthorizer(r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CustomAuthorizer.Answer.allow("late", Set.of(), Map.of());
        });
        start(blocking, b -> b.timeout(Duration.ofMillis(50)));
        try {
            Problem p = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> problem(auth.authenticate(request("good-token", "acme"))));
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.internalNote()).contains("no answer within 50 ms");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aStuckPluginEndsInFast503sNotInUnboundedThreads() {
        CountDownLatch release = new CountDownLatch(1);
        RecordingAuthorizer stuck = new RecordingAuthorizer(r -> {
            boolean interrupted = false;
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return CustomAuthorizer.Answer.deny();
        });
        start(stuck, b -> b.timeout(Duration.ofMillis(20)).maxConcurrentCalls(1).cacheTtl(Duration.ZERO));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThat(problem(auth.authenticate(request("a", "t"))).internalNote()).contains("no answer");
                assertThat(problem(auth.authenticate(request("b", "t"))).internalNote()).contains("no answer");
                assertThat(problem(auth.authenticate(request("c", "t"))).internalNote()).contains("too many calls");
            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void withoutIdentitySourcesEveryRequestIsAskedAndNothingCached() {
        auth = new AuthorizerAuthenticator(AuthorizerSettings.builder("open").authorizer(plugin).build(), clock);
        var exchange = FakeExchange.of(FakeRequest.get("/x").build());
        assertThat(auth.credentialPresent(exchange)).isTrue();
        auth.authenticate(exchange);
        auth.authenticate(exchange);
        assertThat(plugin.calls()).isEqualTo(2);
    }
}
