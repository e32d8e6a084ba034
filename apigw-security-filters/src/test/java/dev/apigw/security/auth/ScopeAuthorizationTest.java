package dev.apigw.security.auth;

import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeAuthorizationTest {

    private static FakeExchange as(Identity identity) {
        return FakeExchange.of(FakeRequest.get("/pets").build()).withIdentity(identity);
    }

    private static Identity granted(List<String> scopes, List<String> groups) {
        return Identity.builder("alice", "jwt").scopes(scopes).groups(groups).build();
    }

    private static Problem problem(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) decision).problem();
    }

    @Test
    void proceedsWhenEveryScopeIsGranted() {
        ScopeAuthorization authorization = ScopeAuthorization.scopes("pets:read", "pets:write");
        assertThat(authorization.decide(as(granted(List.of("pets:write", "pets:read", "x"), List.of()))).proceeds())
                .isTrue();
    }

    @Test
    void refusesWhenOneScopeIsMissingWithAnRfc6750Challenge() {
        Problem problem = problem(ScopeAuthorization.scopes("pets:read", "pets:write")
                .decide(as(granted(List.of("pets:read"), List.of()))));

        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.reason()).isEqualTo("insufficient_scope");
        assertThat(problem.headers()).containsEntry("WWW-Authenticate",
                "Bearer error=\"insufficient_scope\", scope=\"pets:read pets:write\"");
        assertThat(problem.internalNote()).contains("pets:write");
        assertThat(problem.detail()).doesNotContain("pets:write");
    }

    @Test
    void matchesScopesExactly() {
        ScopeAuthorization authorization = ScopeAuthorization.scopes("pets:read");
        for (String near : List.of("PETS:READ", "pets", "pets:read ", "pets:*", "*")) {
            assertThat(authorization.decide(as(granted(List.of(near), List.of()))).proceeds()).as(near).isFalse();
        }
    }

    @Test
    void doesNotLetAGroupStandInForAScope() {
        assertThat(ScopeAuthorization.scopes("pets:read").decide(as(granted(List.of(), List.of("pets:read"))))
                .proceeds()).isFalse();
    }

    @Test
    void requiresEveryGroupAsARole() {
        ScopeAuthorization authorization = new ScopeAuthorization(List.of(), List.of("admins", "ops"));

        assertThat(authorization.decide(as(granted(List.of(), List.of("admins", "ops")))).proceeds()).isTrue();
        assertThat(authorization.decide(as(granted(List.of("admins"), List.of("ops")))).proceeds()).isTrue();
        Problem problem = problem(authorization.decide(as(granted(List.of(), List.of("admins")))));
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
    }

    @Test
    void refusesTheAnonymousIdentityOnARouteWithRequirements() {
        assertThat(problem(ScopeAuthorization.scopes("pets:read").decide(as(Identity.anonymous()))).status())
                .isEqualTo(403);
        assertThat(problem(ScopeAuthorization.scopes("pets:read").decide(as(null))).status()).isEqualTo(403);
    }

    @Test
    void proceedsWithoutRequirements() {
        assertThat(new ScopeAuthorization(List.of(), List.of()).decide(as(Identity.anonymous())).proceeds()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\"b", "a\\b", "é", "a\nb"})
    void refusesScopesThatCannotBeQuotedSafely(String scope) {
        assertThatThrownBy(() -> ScopeAuthorization.scopes(scope)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 6749");
    }

    @Test
    void refusesBlankOrControlCharacterGroups() {
        assertThatThrownBy(() -> new ScopeAuthorization(List.of(), List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScopeAuthorization(List.of(), List.of("a\u0007")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
