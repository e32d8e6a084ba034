package dev.apigw.security.validate;

import dev.apigw.security.Problem.ValidationError;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Validates a JSON body held in memory, without a container: the JSON limits, then the schema. The servlet-free entry
 * point for benchmarks and for applications that validate a payload themselves (a queue message, say).
 *
 * <p>Thread-safe; build one per schema and reuse it.
 */
public final class JsonBodyValidator {

    private final BodyParser parser;
    private final CompiledSchema schema;

    public JsonBodyValidator(JsonLimits limits, CompiledSchema schema) {
        this.parser = new BodyParser(ValidationSettings.DEFAULTS.withJson(limits));
        this.schema = schema;
    }

    /**
     * The errors of a UTF-8 JSON body, in the form of CONTRACT §4 ({@code location} {@code body}); empty when it
     * satisfies the limits and the schema.
     */
    public List<ValidationError> validate(byte[] body) {
        try {
            return schema.validate(parser.readJson(new ByteArrayInputStream(body)), "body", null);
        } catch (InvalidJsonException e) {
            return List.of(new ValidationError("body", e.pointer(), e.getMessage()));
        }
    }
}
