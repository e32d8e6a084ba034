package dev.apigw.security.validate;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.Problem.ValidationError;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.apigw.security.validate.SchemaCompilerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A route's validate block over a request, without a container. */
class RequestValidationControlTest {

    @TempDir
    Path dir;

    private final BodyParser parser = new BodyParser(ValidationSettings.DEFAULTS);

    private RequestValidationControl control() {
        SchemaCompiler compiler = new SchemaCompiler(dir);
        return new RequestValidationControl(RouteValidation.builder()
                .contentTypes(List.of("application/json"))
                .body(compiler.load("classpath:dev/apigw/security/validate/new-pet.schema.json"))
                .query(ParameterRule.of("dryRun", json("{\"type\":\"boolean\"}"), compiler))
                .path(ParameterRule.of("id", json("{\"type\":\"integer\",\"minimum\":1}"), compiler))
                .header(ParameterRule.required("X-Request-Id"))
                .build(), parser);
    }

    private static FakeRequest.Builder post(String body) {
        return FakeRequest.request("POST", "/pets/7").header("X-Request-Id", "r-1").body("application/json", body);
    }

    private Problem problem(FakeExchange exchange) {
        Decision d = control().decide(exchange);
        return d instanceof Decision.Reject r ? r.problem() : null;
    }

    @Test
    void letsAValidRequestThrough() {
        assertThat(problem(FakeExchange.of(post("{\"name\":\"Kit\",\"age\":3}").query("dryRun", "true").build())
                .withPathParameters(Map.of("id", "7")))).isNull();
    }

    @Test
    void listsParameterAndBodyErrorsTogether() {
        Problem p = problem(FakeExchange.of(FakeRequest.request("POST", "/pets/0").query("dryRun", "maybe")
                .body("application/json", "{\"age\":-1}").build()).withPathParameters(Map.of("id", "0")));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.reason()).isEqualTo("validation_failed");
        assertThat(p.errors()).containsExactly(
                new ValidationError("path", "id", "must be at least 1"),
                new ValidationError("query", "dryRun", "must be true or false"),
                new ValidationError("header", "X-Request-Id", "is required"),
                new ValidationError("body", "/age", "must be at least 0"),
                new ValidationError("body", "/name", "is required"));
    }

    @Test
    void refusesAnotherMediaTypeBeforeReadingTheBody() {
        FakeRequest request = FakeRequest.request("POST", "/pets/7").body("text/plain", "{}").build();
        assertThat(problem(FakeExchange.of(request).withPathParameters(Map.of("id", "7"))).status()).isEqualTo(415);
    }

    @Test
    void reportsMalformedJsonWithItsPointerAndTheOtherErrors() {
        Problem p = problem(FakeExchange.of(post("{\"name\":\"a\",\"name\":\"b\"}").query("dryRun", "x").build())
                .withPathParameters(Map.of("id", "7")));
        assertThat(p.errors()).containsExactly(new ValidationError("body", "/name", "names the same property twice"),
                new ValidationError("query", "dryRun", "must be true or false"));
    }

    @Test
    void aMissingBodyIsAnError() {
        FakeRequest request = FakeRequest.request("POST", "/pets/7").header("X-Request-Id", "r").build();
        assertThat(problem(FakeExchange.of(request).withPathParameters(Map.of("id", "7"))).errors())
                .containsExactly(new ValidationError("body", "", "is required"));
    }

    @Test
    void checksAFormsFieldsAsStrings() {
        RequestValidationControl forms = new RequestValidationControl(RouteValidation.builder()
                .body(new SchemaCompiler(dir).compile(json("{\"properties\":{\"name\":{\"maxLength\":3},"
                        + "\"tag\":{\"type\":\"array\"}},\"required\":[\"name\"]}"), "form")).build(), parser);
        FakeRequest ok = FakeRequest.request("POST", "/").body("application/x-www-form-urlencoded", "name=Kit&tag=a&tag=b")
                .build();
        assertThat(forms.decide(FakeExchange.of(ok)).proceeds()).isTrue();
        FakeRequest bad = FakeRequest.request("POST", "/").body("application/x-www-form-urlencoded", "name=Tiger&tag=a")
                .build();
        assertThat(((Decision.Reject) forms.decide(FakeExchange.of(bad))).problem().errors()).containsExactly(
                new ValidationError("body", "/name", "must be at most 3 characters long"),
                new ValidationError("body", "/tag", "must be an array"));
    }

    @Test
    void capsTheListOfErrors() {
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            tags.append(i == 0 ? "" : ",").append(i);
        }
        RequestValidationControl lenient = new RequestValidationControl(RouteValidation.builder()
                .body(new SchemaCompiler(dir).compile(json("{\"items\":{\"type\":\"string\"}}"), "strings")).build(),
                parser);
        Decision d = lenient.decide(FakeExchange.of(post(tags.append(']').toString()).build()));
        Problem p = ((Decision.Reject) d).problem();
        assertThat(p.errors()).hasSize(ValidationProblems.MAX_ERRORS);
        assertThat(p.detail()).contains("the first 20 of 30 errors are listed");
    }
}
