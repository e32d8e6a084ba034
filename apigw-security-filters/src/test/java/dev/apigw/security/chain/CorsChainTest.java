package dev.apigw.security.chain;

import dev.apigw.security.Decision;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.cors.CorsPolicy;
import dev.apigw.security.ip.IpPolicy;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS in the chain: its place in CONTRACT §2 order, preflight routing, per-route policies, grants on rejections. */
class CorsChainTest {

    private static final String APP = "https://app.example.com";
    private static final String WIDGET = "https://widget.partner.test";

    private final SecurityChainTest.HeaderAuthenticator strong = new SecurityChainTest.HeaderAuthenticator("strong");

    private GatewayConfig.Builder base() {
        return GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .authenticator(strong);
    }

    private static CorsPolicy allowing(String origin) {
        return CorsPolicy.builder().allowedOrigins(origin).allowedMethods("GET", "POST", "PUT")
                .allowedHeaders("X-strong").allowCredentials(true).build();
    }

    private static FakeRequest preflight(String path, String origin, String method) {
        return FakeRequest.request("OPTIONS", path).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", "x-strong")
                .build();
    }

    private GatewayConfig config() {
        return base().cors(allowing(APP))
                .route(RouteConfig.builder("/pets").methods("PUT").auth("strong").build())
                .route(RouteConfig.builder("/widget").methods("GET").publicRoute().cors(allowing(WIDGET)).build())
                .build();
    }

    @Test
    void preflightIsRoutedByTheMethodItAsksForAndAnsweredBeforeAuthentication() {
        var ex = SecurityChain.create(config()).evaluate(preflight("/pets", APP, "PUT"));
        assertThat(ex.answer()).isNotNull();
        assertThat(ex.answer().status()).isEqualTo(204);
        assertThat(ex.rejected()).isFalse();
        assertThat(ex.routeTemplate()).isEqualTo("/pets");
        assertThat(strong.calls).hasValue(0);
    }

    @Test
    void preflightForAPathWithoutRouteIsAnsweredByTheGlobalPolicy() {
        var chain = SecurityChain.create(config());
        assertThat(chain.evaluate(preflight("/nowhere", APP, "GET")).answer().status()).isEqualTo(204);
        assertThat(chain.evaluate(preflight("/nowhere", WIDGET, "GET")).problem().reason())
                .isEqualTo("cors_rejected");
    }

    @Test
    void routePolicyReplacesTheGlobalOneForThatRouteOnly() {
        var chain = SecurityChain.create(config());
        assertThat(chain.evaluate(preflight("/widget", WIDGET, "GET")).answer()).isNotNull();
        assertThat(chain.evaluate(preflight("/widget", APP, "GET")).problem().reason()).isEqualTo("cors_rejected");
        assertThat(chain.evaluate(preflight("/pets", WIDGET, "PUT")).problem().reason()).isEqualTo("cors_rejected");
        var actual = chain.evaluate(FakeRequest.get("/widget").header("Origin", APP).build());
        assertThat(actual.problem().reason()).isEqualTo("cors_rejected");
    }

    @Test
    void disallowedOriginIsRefusedBeforeAuthentication() {
        var ex = SecurityChain.create(config()).evaluate(FakeRequest.request("PUT", "/pets")
                .header("Origin", "https://evil.test").header("X-strong", "ann").build());
        assertThat(ex.problem().reason()).isEqualTo("cors_rejected");
        assertThat(strong.calls).hasValue(0);
    }

    @Test
    void grantStaysOnALaterRejectionSoThePageCanReadIt() {
        var ex = SecurityChain.create(config()).evaluate(FakeRequest.request("PUT", "/pets").header("Origin", APP)
                .build());
        assertThat(ex.problem().status()).isEqualTo(401);
        assertThat(ex.responseHeaders()).contains(
                new Decision.Header("Access-Control-Allow-Origin", APP),
                new Decision.Header("Access-Control-Allow-Credentials", "true"),
                new Decision.Header("Vary", "Origin"));
    }

    @Test
    void ipPolicyRunsBeforeCorsSoABlockedClientGetsNoGrant() {
        var config = base().ipPolicy(IpPolicy.builder().deny("192.0.2.66").build()).cors(allowing(APP))
                .route(RouteConfig.builder("/pets").methods("PUT").auth("strong").build()).build();
        var ex = SecurityChain.create(config).evaluate(FakeRequest.request("OPTIONS", "/pets").peer("192.0.2.66")
                .header("Origin", APP).header("Access-Control-Request-Method", "PUT").build());
        assertThat(ex.problem().reason()).isEqualTo("ip_denied");
        assertThat(ex.responseHeaders()).isEmpty();
    }

    @Test
    void withoutCorsAnOptionsRequestCannotBorrowALaxerRoute() {
        var config = base()
                .route(RouteConfig.builder("/x").methods("OPTIONS").auth("strong").build())
                .route(RouteConfig.builder("/x").methods("GET").publicRoute().build())
                .build();
        var ex = SecurityChain.create(config).evaluate(preflight("/x", APP, "GET"));
        assertThat(ex.routeTemplate()).isEqualTo("/x");
        assertThat(ex.problem().reason()).isEqualTo("unauthenticated");
    }

    @Test
    void routeWithoutAPolicyOfItsOwnOrAGlobalOneDoesNoCors() {
        var config = base().route(RouteConfig.builder("/widget").publicRoute().cors(allowing(WIDGET)).build())
                .route(RouteConfig.builder("/health").publicRoute().build()).build();
        var ex = SecurityChain.create(config).evaluate(FakeRequest.get("/health").header("Origin", APP).build());
        assertThat(ex.rejected()).isFalse();
        assertThat(ex.responseHeaders()).isEmpty();
    }

    @Test
    void corsCanBeLeftOutOfTheChosenControls() {
        var chain = SecurityChain.create(config(), EnumSet.of(ControlKind.AUTHENTICATION));
        var ex = chain.evaluate(FakeRequest.request("PUT", "/pets").header("Origin", "https://evil.test")
                .header("X-strong", "ann").build());
        assertThat(ex.rejected()).isFalse();
        assertThat(ControlKind.parseList("cors, ipPolicy")).containsExactly(ControlKind.IP_POLICY, ControlKind.CORS);
    }
}
