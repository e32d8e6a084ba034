package dev.apigw.security.transport;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.transport.TransportPolicy.Hsts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransportControlTest {

    private static final Hsts HSTS = new Hsts(Duration.ofDays(365), true, false);
    private static final TransportControl REQUIRE = control(TransportPolicy.builder());
    private static final TransportControl REDIRECT = control(TransportPolicy.builder().redirect(true));
    private static final TransportControl SECRETS = control(TransportPolicy.builder().hsts(HSTS)
            .rejectSecretsInQuery("access_token", "api_key", "apikey", "token", "password"));

    @Test
    void refusesPlainHttpWith403() {
        Problem problem = problem(REQUIRE.decide(exchange(FakeRequest.get("/pets"), false)));
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.reason()).isEqualTo("https_required");
        assertThat(problem.detail()).isEqualTo("This API is only available over HTTPS; call it with an https:// URL.");
        assertThat(problem.headers()).isEmpty();
    }

    @Test
    void letsHttpsThrough() {
        assertThat(REQUIRE.decide(exchange(FakeRequest.get("/pets"), true))).isSameAs(Decision.proceed());
    }

    @Test
    void usesTheExchangesViewOfHttpsNotTheContainers() {
        // Behind a TLS-terminating proxy the container sees plain HTTP; the pipeline's https() decides.
        RequestView plainToContainer = FakeRequest.get("/pets").secure(false).build();
        assertThat(REQUIRE.decide(FakeExchange.of(plainToContainer).withHttps(true)).proceeds()).isTrue();
        RequestView tlsToContainer = FakeRequest.get("/pets").secure(true).build();
        assertThat(REQUIRE.decide(FakeExchange.of(tlsToContainer).withHttps(false)).proceeds()).isFalse();
    }

    @Test
    void letsPlainHttpThroughWhenNotRequired() {
        TransportControl optional = control(TransportPolicy.builder().requireHttps(false).hsts(HSTS));
        assertThat(optional.decide(exchange(FakeRequest.get("/pets"), false))).isSameAs(Decision.proceed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void redirectsSafeMethodsWith308KeepingPathAndQuery(String method) {
        FakeRequest.Builder request = FakeRequest.request(method, "/pets/7").server("api.example.com", 80)
                .query("fields", "name");
        Problem problem = problem(REDIRECT.decide(exchange(request, false)));
        assertThat(problem.status()).isEqualTo(308);
        assertThat(problem.reason()).isEqualTo("https_required");
        assertThat(problem.headers()).isEqualTo(Map.of("Location", "https://api.example.com/pets/7?fields=name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get"})
    void refusesOtherMethodsInsteadOfRedirecting(String method) {
        Problem problem = problem(REDIRECT.decide(exchange(FakeRequest.request(method, "/pets"), false)));
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.headers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.com\r\nSet-Cookie: x=y", "evil.com/@x", "127.1", "user@evil.com", ""})
    void refusesInsteadOfRedirectingToAnInvalidHost(String serverName) {
        Problem problem = problem(REDIRECT.decide(exchange(FakeRequest.get("/").server(serverName, 80), false)));
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.headers()).isEmpty();
        assertThat(problem.internalNote()).contains("not a valid host name or IP literal");
    }

    @Test
    void redirectsToTheConfiguredHttpsPort() {
        TransportControl control = control(TransportPolicy.builder().redirect(true).httpsPort(8443));
        Problem problem = problem(control.decide(exchange(FakeRequest.get("/").server("localhost", 8080), false)));
        assertThat(problem.headers()).containsEntry("Location", "https://localhost:8443/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token", "ACCESS_TOKEN", "Api_Key", "apikey", "token", "PassWord"})
    void refusesSecretParametersInAnyCaseWith400(String name) {
        FakeRequest.Builder request = FakeRequest.get("/pets").query("limit", "5").query(name, "s3cr3t-value");
        Problem problem = problem(SECRETS.decide(exchange(request, false)));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.reason()).isEqualTo("secret_in_query");
        assertThat(problem.detail()).contains("send them in a request header").doesNotContain("s3cr3t", name);
        assertThat(problem.internalNote()).doesNotContain("s3cr3t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokens", "my_token", "access-token", "pass", "token "})
    void letsSimilarButDifferentNamesThrough(String name) {
        FakeRequest.Builder request = FakeRequest.get("/pets").query(name, "x");
        assertThat(SECRETS.decide(exchange(request, true)).proceeds()).isTrue();
    }

    @Test
    void checksTheQueryBeforeRedirectingSoASecretIsNeverEchoedInLocation() {
        TransportControl control = control(TransportPolicy.builder().redirect(true).rejectSecretsInQuery("token"));
        Problem problem = problem(control.decide(exchange(FakeRequest.get("/").query("token", "abc"), false)));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.headers()).doesNotContainKey("Location");
    }

    @Test
    void sendsHstsWithTheSecretRejectionOnlyOverHttps() {
        FakeRequest.Builder request = FakeRequest.get("/").query("token", "abc");
        assertThat(problem(SECRETS.decide(exchange(request, true))).headers())
                .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        assertThat(problem(SECRETS.decide(exchange(request, false))).headers()).isEmpty();
    }

    @Test
    void addsHstsToHttpsRequestsItLetsThrough() {
        Decision decision = SECRETS.decide(exchange(FakeRequest.get("/").query("limit", "5"), true));
        assertThat(((Decision.Proceed) decision).responseHeaders()).containsExactly(
                new Decision.Header("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
    }

    private static FakeExchange exchange(FakeRequest.Builder request, boolean https) {
        return FakeExchange.of(request.build()).withHttps(https);
    }

    private static TransportControl control(TransportPolicy.Builder builder) {
        return new TransportControl(builder.build());
    }

    private static Problem problem(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) decision).problem();
    }
}
