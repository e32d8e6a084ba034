package dev.apigw.security.lint;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a linter run found: the findings, most severe first, and the values it could not check because their
 * placeholders are not defined where it ran.
 *
 * @param findings  most severe first, then in rule order, then by pointer
 * @param unchecked values left unchecked
 */
public record LintReport(List<Finding> findings, List<Unchecked> unchecked) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LintReport {
        findings = List.copyOf(findings);
        unchecked = List.copyOf(unchecked);
    }

    /** Whether any finding is {@link Severity#HIGH}: the command line exits with 1 then. */
    public boolean hasHigh() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.HIGH);
    }

    /**
     * One line per finding: severity, rule id, pointer, the stages, the message and the fix, e.g.
     * {@code high public-write-route /routes/2 [(base), prod] public route /orders accepts POST without
     * authentication; fix: ...}.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(f.severity().label()).append(' ').append(f.rule().id()).append(' ')
                    .append(f.pointer().isEmpty() ? "/" : f.pointer())
                    .append(" [").append(String.join(", ", f.stages())).append("] ")
                    .append(f.message()).append("; fix: ").append(f.rule().fix()).append('\n');
        }
        return out.toString();
    }

    /** The findings as a JSON array of {severity, rule, pointer, stages, message, why, fix}. */
    public String json() {
        ArrayNode array = JSON.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("severity", f.severity().label());
            o.put("rule", f.rule().id());
            o.put("pointer", f.pointer());
            f.stages().forEach(o.putArray("stages")::add);
            o.put("message", f.message());
            o.put("why", f.rule().why());
            o.put("fix", f.rule().fix());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }

    /**
     * A value the linter could not check, because a placeholder in it is not defined where it ran.
     *
     * @param stage        {@value Linter#BASE} or a stage name
     * @param pointer      where the value is
     * @param placeholders the placeholders, e.g. {@code ${env:REDIS_URI}}
     */
    public record Unchecked(String stage, String pointer, String placeholders) {
        @Override
        public String toString() {
            return pointer + " " + placeholders + " [" + stage + "]";
        }
    }
}
