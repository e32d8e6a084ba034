package dev.apigw.security.validate;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.ValidationLimitExceededException;
import dev.apigw.security.Problem.ValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Locale;

/**
 * A JSON Schema compiled once at start-up by {@link SchemaCompiler}: immutable and thread-safe, it checks a value in
 * bounded work (a step limit for the validator, a budget for its patterns) and reports every violation as a
 * client-safe {@link ValidationError}.
 */
public final class CompiledSchema {

    /** Keyword evaluations per value; a body within the size limit needs far fewer with any sensible schema. */
    static final long MAX_STEPS = 5_000_000;

    private static final ExecutionConfig EXECUTION = ExecutionConfig.builder()
            .locale(Locale.ROOT)
            .maxEvaluationSteps(MAX_STEPS)
            .build();

    private final String name;
    private final Schema schema;

    CompiledSchema(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * Checks a value.
     *
     * @param location where the value came from: {@code body}, {@code query}, {@code path} or {@code header}
     * @param name     the parameter's name, which becomes the errors' pointer; {@code null} for a body, whose errors
     *                 carry JSON Pointers into it
     * @return the violations in the validator's order, empty when the value is valid
     */
    public List<ValidationError> validate(JsonNode value, String location, String name) {
        try {
            List<Error> errors = RegexBudget.run(
                    () -> schema.validate(value, context -> context.setExecutionConfig(EXECUTION)), null);
            return errors == null ? tooCostly(location, name)
                    : SchemaViolations.translate(errors, location, name, this::owner);
        } catch (ValidationLimitExceededException e) {
            return tooCostly(location, name);
        }
    }

    private static List<ValidationError> tooCostly(String location, String name) {
        return List.of(new ValidationError(location, name == null ? "" : name,
                "could not be checked within the work this API allows for one request"));
    }

    /**
     * The schema object holding the keyword an error is about, for the draft-04 {@code exclusiveMaximum: true} beside
     * a {@code maximum}; missing where the keyword sits in a document this schema did not load.
     */
    private JsonNode owner(Error e) {
        String at = e.getSchemaLocation().toString();
        int hash = at.indexOf('#');
        String document = hash < 0 ? at : at.substring(0, hash);
        String pointer = hash < 0 ? "" : at.substring(hash + 1);
        JsonNode root = null;
        for (Schema s : schema.getSchemaContext().getSchemaResources().values()) {
            if (s.getSchemaLocation().getAbsoluteIri().toString().equals(document)) {
                root = s.getSchemaNode();
            }
        }
        if (schema.getSchemaLocation().getAbsoluteIri().toString().equals(document)) {
            root = schema.getSchemaNode();
        }
        int slash = pointer.lastIndexOf('/');
        try {
            return root == null || slash < 0 ? MissingNode.getInstance() : root.at(pointer.substring(0, slash));
        } catch (IllegalArgumentException malformed) {
            return MissingNode.getInstance();
        }
    }

    /** The file or name the schema came from. */
    @Override
    public String toString() {
        return "CompiledSchema[" + name + "]";
    }
}
