package dev.apigw.security.validate;

import dev.apigw.security.Problem.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.apigw.security.validate.SchemaCompilerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed query, path and header parameters: read as their type says, then checked against their schema. */
class ParameterRuleTest {

    @TempDir
    Path dir;

    private List<ValidationError> check(String definition, String... values) {
        ParameterRule rule = ParameterRule.of("p", json(definition), new SchemaCompiler(dir));
        List<ValidationError> errors = new ArrayList<>();
        rule.check(Arrays.asList(values), "query", errors);
        return errors;
    }

    private String message(String definition, String... values) {
        List<ValidationError> errors = check(definition, values);
        return errors.isEmpty() ? "ok" : errors.get(0).message();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100} | 5      | ok",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100} | 0      | must be at least 1",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100} | 101    | must be at most 100",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100} | 1.5    | must be an integer",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100} | abc    | must be an integer",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":100} | ''     | must be an integer",
            "{\"type\":\"integer\",\"maximum\":100}               | 99999999999999999999999 | must be at most 100",
            "{\"type\":\"number\",\"exclusiveMinimum\":0}         | 0.5    | ok",
            "{\"type\":\"number\",\"exclusiveMinimum\":0}         | -1e3   | must be greater than 0",
            "{\"type\":\"number\"}                                | 1e999  | must be a number",
            "{\"type\":\"number\"}                                | NaN    | must be a number",
            "{\"type\":\"boolean\"}                               | true   | ok",
            "{\"type\":\"boolean\"}                               | yes    | must be true or false",
            "{\"type\":\"string\",\"pattern\":\"^[a-z]{2,8}$\"}   | tabby  | ok",
            "{\"type\":\"string\",\"pattern\":\"^[a-z]{2,8}$\"}   | Tabby! | does not have the expected format",
            "{\"enum\":[\"asc\",\"desc\"]}                        | up     | 'must be one of: asc, desc'",
            "{\"type\":\"string\",\"maxLength\":3}                | abcd   | must be at most 3 characters long",
    })
    void readsTheValueAsItsTypeThenChecksTheSchema(String definition, String value, String expected) {
        assertThat(message(definition, value)).isEqualTo(expected);
    }

    @Test
    void aRequiredParameterMustBePresent() {
        assertThat(check("{\"type\":\"integer\",\"required\":true}")).containsExactly(
                new ValidationError("query", "p", "is required"));
        assertThat(check("{\"type\":\"integer\"}")).isEmpty();
        assertThat(check("{\"type\":\"integer\",\"required\":false}")).isEmpty();
    }

    @Test
    void aSingleParameterGivenTwiceIsRefused() {
        assertThat(message("{\"type\":\"integer\"}", "1", "1000")).isEqualTo("must be given once");
    }

    @Test
    void anArrayParameterChecksEveryValue() {
        String tags = "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":2}";
        assertThat(message(tags, "1", "2")).isEqualTo("ok");
        assertThat(message(tags, "1", "x")).isEqualTo("must be an integer");
        assertThat(message(tags, "1", "2", "3")).isEqualTo("must have at most 2 items");
    }

    @Test
    void neverRepeatsTheValue() {
        assertThat(check("{\"type\":\"integer\"}", "<script>")).singleElement()
                .satisfies(e -> assertThat(e.message() + e.pointer()).doesNotContain("<script>"));
    }

    @Test
    void refusesADefinitionThatIsNotASchemaObject() {
        SchemaCompiler compiler = new SchemaCompiler(dir);
        assertThatThrownBy(() -> ParameterRule.of("limit", json("\"integer\""), compiler))
                .hasMessageContaining("must be a JSON Schema object");
        assertThatThrownBy(() -> ParameterRule.of("limit", json("{\"type\":\"int\"}"), compiler))
                .hasMessageContaining("is not a valid JSON Schema");
    }
}
