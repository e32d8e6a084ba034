package dev.apigw.security.lint;

import java.util.List;
import java.util.Objects;

/**
 * One risky setting the linter found.
 *
 * @param rule    the rule that found it
 * @param pointer the JSON pointer (RFC 6901) of the setting in the merged configuration, {@code ""} for the whole
 *                file; for a stage that changes nothing, the stage's own pointer {@code /stages/NAME}
 * @param message what was found, naming the route, origin or range; never a secret's value
 * @param stages  where it was found: {@value Linter#BASE} for the file without a stage, and stage names
 */
public record Finding(Rule rule, String pointer, String message, List<String> stages) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        stages = List.copyOf(stages);
    }

    /** The rule's severity. */
    public Severity severity() {
        return rule.severity();
    }
}
