package dev.apigw.security.chain;

import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.testing.FakeRequest;
import dev.apigw.security.transport.TransportPolicy;
import dev.apigw.security.validate.ParameterRule;
import dev.apigw.security.validate.RouteValidation;
import dev.apigw.security.validate.SchemaCompiler;
import dev.apigw.security.validate.ValidationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the size limits and request validation sit in CONTRACT §2 order, and the path parameters they see. */
class ValidationPlanTest {

    @TempDir
    Path dir;

    private SecurityChain chain(java.util.Set<ControlKind> kinds) {
        RouteValidation rules = RouteValidation.builder()
                .path(ParameterRule.of("id", JsonMapper.builder().build().readTree("{\"type\":\"integer\"}"),
                        new SchemaCompiler(dir)))
                .build();
        GatewayConfig config = GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .validation(ValidationSettings.DEFAULTS.withMaxBodySize(100))
                .authenticator(new SecurityChainTest.HeaderAuthenticator("test"))
                .route(RouteConfig.builder("/pets/{id}").auth("test").validate(rules).build())
                .build();
        return SecurityChain.create(config, kinds);
    }

    @Test
    void sizeLimitsComeBeforeAuthentication() {
        var exchange = chain(ControlKind.all()).evaluate(FakeRequest.request("POST", "/pets/1")
                .header("Content-Length", "101").build());
        assertThat(exchange.problem().status()).as("413, not 401").isEqualTo(413);
    }

    @Test
    void validationComesAfterAuthenticationWithThePathParametersOfTheMatch() {
        SecurityChain chain = chain(ControlKind.all());
        assertThat(chain.evaluate(FakeRequest.get("/pets/x").build()).problem().status()).isEqualTo(401);
        var exchange = chain.evaluate(FakeRequest.get("/pets/x").header("X-test", "alice").build());
        assertThat(exchange.pathParameters()).containsEntry("id", "x");
        assertThat(exchange.problem().errors()).extracting(e -> e.location() + " " + e.pointer() + " " + e.message())
                .containsExactly("path id must be an integer");
        assertThat(chain.evaluate(FakeRequest.get("/pets/7").header("X-test", "alice").build()).rejected()).isFalse();
    }

    @Test
    void runsNoValidationWhenTheControlIsNotSelected() {
        SecurityChain chain = chain(EnumSet.of(ControlKind.AUTHENTICATION));
        assertThat(chain.evaluate(FakeRequest.get("/pets/x").header("X-test", "alice")
                .header("Content-Length", "999").build()).rejected()).isFalse();
    }
}
