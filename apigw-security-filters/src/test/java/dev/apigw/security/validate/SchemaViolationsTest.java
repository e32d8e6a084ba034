package dev.apigw.security.validate;

import dev.apigw.security.Problem.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.groups.Tuple.tuple;

import static dev.apigw.security.validate.SchemaCompilerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Every violation of a body schema, at its pointer, in words that never repeat the client's values. */
class SchemaViolationsTest {

    @TempDir
    Path dir;

    private CompiledSchema pet() {
        return new SchemaCompiler(dir).load("classpath:dev/apigw/security/validate/new-pet.schema.json");
    }

    private static ValidationError body(String pointer, String message) {
        return new ValidationError("body", pointer, message);
    }

    @Test
    void listsEveryViolationWithItsPointer() {
        List<ValidationError> errors = pet().validate(json("""
                {"kind": "fish", "age": 41, "tags": ["ok", "Not Ok", 3], "colour": "red"}"""), "body", null);
        assertThat(errors).containsExactlyInAnyOrder(
                body("/name", "is required"),
                body("/kind", "must be one of: cat, dog, bird"),
                body("/age", "must be at most 40"),
                body("/tags/1", "does not have the expected format"),
                body("/tags/2", "must be a string"),
                body("/colour", "is not allowed"));
    }

    @Test
    void neverRepeatsTheValuesTheClientSent() {
        String hostile = "<script>alert(1)</script>";
        List<ValidationError> errors = pet().validate(json("{\"name\":\"" + hostile + "x".repeat(40) + "\",\"kind\":\""
                + hostile + "\",\"tags\":[\"" + hostile + "\"]}"), "body", null);
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e.message()).doesNotContain("script", "<", "alert"));
    }

    @Test
    void cutsAHostilePropertyNameInAPointer() {
        String key = "k".repeat(10_000);
        List<ValidationError> errors = pet().validate(json("{\"name\":\"a\",\"" + key + "\":1}"), "body", null);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.pointer()).hasSize(1 + BodyPointer.MAX_SEGMENT + 3).endsWith("...");
            assertThat(e.message()).isEqualTo("is not allowed");
        });
    }

    @Test
    void describesEachKeywordFromTheSchemaAlone() {
        CompiledSchema schema = new SchemaCompiler(dir).compile(json("""
                {"type": "object", "minProperties": 10, "properties": {
                  "a": {"exclusiveMinimum": 5}, "b": {"multipleOf": 3}, "c": {"minLength": 2},
                  "d": {"type": ["string", "null"]}, "e": {"const": "x"}, "f": {"uniqueItems": true},
                  "g": {"oneOf": [{"type": "string"}, {"type": "integer"}]}, "h": {"not": {"type": "integer"}},
                  "i": {"format": "email"}, "j": {"minItems": 2}}}"""), "all");
        List<ValidationError> errors = schema.validate(json("""
                {"a": 5, "b": 4, "c": "x", "d": 1, "e": "y", "f": [1, 1], "g": true, "h": 1, "j": [1]}"""), "body", null);
        assertThat(errors).extracting(ValidationError::pointer, ValidationError::message).contains(
                tuple("", "must have at least 10 properties"),
                tuple("/a", "must be greater than 5"),
                tuple("/b", "must be a multiple of 3"),
                tuple("/c", "must be at least 2 characters long"),
                tuple("/d", "must be a string or null"),
                tuple("/e", "must be x"),
                tuple("/f", "must not repeat an item"),
                tuple("/g", "must match exactly one of the allowed forms"),
                tuple("/h", "has a form that is not allowed"),
                tuple("/j", "must have at least 2 items"));
    }

    @Test
    void stopsABacktrackingPatternInsteadOfHanging() {
        CompiledSchema redos = new SchemaCompiler(dir).compile(
                json("{\"properties\":{\"n\":{\"pattern\":\"^(.*a){15}$\"}}}"), "redos");
        String evil = "a".repeat(40) + "!";
        assertThat(redos.validate(json("{\"n\":\"" + evil + "\"}"), "body", null)).singleElement()
                .extracting(ValidationError::message)
                .isEqualTo("could not be checked within the work this API allows for one request");
        assertThat(redos.validate(json("{\"n\":\"" + "a".repeat(15) + "\"}"), "body", null)).isEmpty();
    }

    @Test
    void aBacktrackingPatternUnderNotIsRefusedRatherThanPassed() {
        CompiledSchema redos = new SchemaCompiler(dir).compile(
                json("{\"properties\":{\"n\":{\"not\":{\"pattern\":\"^(a+)+\\\\1$\"}}}}"), "not-redos");
        assertThat(redos.validate(json("{\"n\":\"" + "a".repeat(40) + "!\"}"), "body", null)).singleElement()
                .extracting(ValidationError::message).asString().startsWith("could not be checked");
    }

    @Test
    void survivesAPatternThatRecursesPerCharacterOnALongValue() {
        CompiledSchema deep = new SchemaCompiler(dir).compile(json("{\"pattern\":\"^(a|b)*$\"}"), "deep");
        List<ValidationError> errors = deep.validate(json("\"" + "ab".repeat(200_000) + "\""), "body", null);
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("could not be checked"));
    }
}
