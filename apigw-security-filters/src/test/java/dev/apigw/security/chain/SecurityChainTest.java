package dev.apigw.security.chain;

import dev.apigw.security.CredentialAuthenticator;
import dev.apigw.security.Decision;
import dev.apigw.security.Identity;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityExchange;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.ip.IpPolicy;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityChainTest {

    /** A method named {@code name} whose credential is the header {@code X-<name>}; the value {@code bad} is invalid. */
    static final class HeaderAuthenticator implements CredentialAuthenticator {
        final String name;
        final AtomicInteger calls = new AtomicInteger();

        HeaderAuthenticator(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean credentialPresent(SecurityExchange exchange) {
            return exchange.request().header("X-" + name) != null;
        }

        @Override
        public Decision authenticate(SecurityExchange exchange) {
            calls.incrementAndGet();
            String v = exchange.request().header("X-" + name);
            return v.equals("bad")
                    ? Decision.reject(Problem.of(401, "invalid_credentials", "bad"))
                    : Decision.authenticated(Identity.builder(v, name).scopes(List.of("read")).build());
        }

        @Override
        public String challenge() {
            return name + " realm=\"api\"";
        }
    }

    private final HeaderAuthenticator strong = new HeaderAuthenticator("strong");
    private final HeaderAuthenticator weak = new HeaderAuthenticator("weak");

    private GatewayConfig.Builder base() {
        return GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .authenticator(strong)
                .authenticator(weak);
    }

    private SecurityChain chain(GatewayConfig config) {
        return SecurityChain.create(config);
    }

    @Test
    void unmatchedRequestWithoutDefaultsIsRouteNotFound() {
        var chain = chain(base().route(RouteConfig.builder("/health").publicRoute().build()).build());
        var ex = chain.evaluate(FakeRequest.get("/other").build());
        assertThat(ex.rejected()).isTrue();
        assertThat(ex.problem().status()).isEqualTo(404);
        assertThat(ex.problem().reason()).isEqualTo("route_not_found");
        assertThat(ex.routeTemplate()).isNull();
    }

    @Test
    void unmatchedRequestWithDefaultsUsesTheDefaultAuth() {
        var chain = chain(base().defaults(List.of("strong")).build());
        var ex = chain.evaluate(FakeRequest.get("/anything").build());
        assertThat(ex.problem().reason()).isEqualTo("unauthenticated");
        var ok = chain.evaluate(FakeRequest.get("/anything").header("X-strong", "ann").build());
        assertThat(ok.rejected()).isFalse();
        assertThat(ok.identity().principal()).isEqualTo("ann");
    }

    @Test
    void presentButInvalidCredentialNeverFallsThroughToAWeakerMethod() {
        var chain = chain(base().route(RouteConfig.builder("/pets").auth("strong", "weak").build()).build());
        var ex = chain.evaluate(FakeRequest.get("/pets").header("X-strong", "bad").header("X-weak", "eve").build());
        assertThat(ex.problem().reason()).isEqualTo("invalid_credentials");
        assertThat(weak.calls).hasValue(0);
    }

    @Test
    void firstPresentCredentialDecidesInTheListedOrder() {
        var chain = chain(base().route(RouteConfig.builder("/pets").auth("strong", "weak").build()).build());
        var ex = chain.evaluate(FakeRequest.get("/pets").header("X-weak", "wendy").build());
        assertThat(ex.rejected()).isFalse();
        assertThat(ex.identity().authMethod()).isEqualTo("weak");
        assertThat(strong.calls).hasValue(0);
    }

    @Test
    void noCredentialIs401WithEveryChallenge() {
        var chain = chain(base().route(RouteConfig.builder("/pets").auth("strong", "weak").build()).build());
        var problem = chain.evaluate(FakeRequest.get("/pets").build()).problem();
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "strong realm=\"api\", weak realm=\"api\"");
    }

    @Test
    void publicRouteYieldsTheAnonymousIdentity() {
        var chain = chain(base().route(RouteConfig.builder("/health").publicRoute().build()).build());
        var ex = chain.evaluate(FakeRequest.get("/health").header("X-strong", "ann").build());
        assertThat(ex.rejected()).isFalse();
        assertThat(ex.identity().isAnonymous()).isTrue();
        assertThat(strong.calls).hasValue(0);
    }

    @Test
    void missingScopeIsForbiddenAfterAuthentication() {
        var chain = chain(base().route(RouteConfig.builder("/admin").auth("strong").scopes("admin").build()).build());
        var problem = chain.evaluate(FakeRequest.get("/admin").header("X-strong", "ann").build()).problem();
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.reason()).isEqualTo("insufficient_scope");
    }

    @Test
    void ipPolicyRunsBeforeAuthenticationAndRoutePolicyAfterGlobal() {
        var config = base()
                .ipPolicy(IpPolicy.builder().deny("192.0.2.66").build())
                .route(RouteConfig.builder("/internal").auth("strong")
                        .ipPolicy(IpPolicy.builder().allow("10.0.0.0/8").build()).build())
                .build();
        var chain = chain(config);
        var denied = chain.evaluate(FakeRequest.get("/internal").peer("192.0.2.66").header("X-strong", "bad").build());
        assertThat(denied.problem().reason()).isEqualTo("ip_denied");
        assertThat(strong.calls).hasValue(0);
        var outside = chain.evaluate(FakeRequest.get("/internal").peer("192.0.2.10").header("X-strong", "ann").build());
        assertThat(outside.problem().reason()).isEqualTo("ip_denied");
        var inside = chain.evaluate(FakeRequest.get("/internal").peer("10.1.1.1").header("X-strong", "ann").build());
        assertThat(inside.rejected()).isFalse();
    }

    @Test
    void transportRunsFirstAndItsHeadersSurviveALaterRejection() {
        var config = base()
                .transport(TransportPolicy.builder().requireHttps(true)
                        .hsts(new TransportPolicy.Hsts(Duration.ofDays(1), false, false)).build())
                .ipPolicy(IpPolicy.builder().deny("192.0.2.66").build())
                .route(RouteConfig.builder("/health").publicRoute().build())
                .build();
        var chain = chain(config);
        var plain = chain.evaluate(FakeRequest.get("/health").peer("192.0.2.66").build());
        assertThat(plain.problem().reason()).isEqualTo("https_required");
        var denied = chain.evaluate(FakeRequest.get("/health").peer("192.0.2.66").secure(true).build());
        assertThat(denied.problem().reason()).isEqualTo("ip_denied");
        assertThat(denied.responseHeaders()).extracting(Decision.Header::name).contains("Strict-Transport-Security");
    }

    @Test
    void onlyTheChosenControlsRun() {
        var config = base()
                .transport(TransportPolicy.builder().requireHttps(true).build())
                .ipPolicy(IpPolicy.builder().deny("192.0.2.66").build())
                .build();
        var chain = SecurityChain.create(config, EnumSet.of(ControlKind.IP_POLICY));
        assertThat(chain.evaluate(FakeRequest.get("/any").build()).rejected()).isFalse();
        assertThat(chain.evaluate(FakeRequest.get("/any").peer("192.0.2.66").build()).problem().reason())
                .isEqualTo("ip_denied");
    }

    @Test
    void requestIdIsTheCallersWhenWellFormedElseNew() {
        var chain = chain(base().route(RouteConfig.builder("/health").publicRoute().build()).build());
        assertThat(chain.evaluate(FakeRequest.get("/health").header("X-Request-Id", "abc-123").build()).requestId())
                .isEqualTo("abc-123");
        assertThat(chain.evaluate(FakeRequest.get("/health").header("X-Request-Id", "a\r\nb").build()).requestId())
                .matches("[0-9a-f]{32}");
    }

    @Test
    void routeWithoutAuthAndWithoutDefaultsIsAStartUpError() {
        assertThatThrownBy(() -> base().route(RouteConfig.builder("/pets").build()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth: none");
    }

    @Test
    void routeNamingAnUnconfiguredMethodIsAStartUpError() {
        assertThatThrownBy(() -> base().route(RouteConfig.builder("/pets").auth("jwt").build()).build())
                .hasMessageContaining("\"jwt\"").hasMessageContaining("authentication.jwt");
    }

    @Test
    void overlappingRoutesAreAStartUpError() {
        assertThatThrownBy(() -> base()
                .route(RouteConfig.builder("/pets/{id}").methods("GET").publicRoute().build())
                .route(RouteConfig.builder("/pets/{name}").methods("GET").auth("strong").build())
                .build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET");
    }
}
