package dev.apigw.security.validate;

import dev.apigw.security.Problem.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The servlet-free entry point the benchmarks measure: limits, then schema, on a byte array. */
class JsonBodyValidatorTest {

    @TempDir
    Path dir;

    @Test
    void validatesABodyInMemory() {
        JsonBodyValidator validator = new JsonBodyValidator(JsonLimits.DEFAULTS,
                new SchemaCompiler(dir).load("classpath:dev/apigw/security/validate/new-pet.schema.json"));
        assertThat(validator.validate(bytes("{\"name\":\"Kit\",\"kind\":\"cat\",\"tags\":[\"indoor\"]}"))).isEmpty();
        assertThat(validator.validate(bytes("{\"kind\":\"cow\"}"))).containsExactlyInAnyOrder(
                new ValidationError("body", "/name", "is required"),
                new ValidationError("body", "/kind", "must be one of: cat, dog, bird"));
        assertThat(validator.validate(bytes("[" .repeat(100)))).containsExactly(
                new ValidationError("body", "/0".repeat(32), "nests arrays and objects deeper than 32 levels"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
