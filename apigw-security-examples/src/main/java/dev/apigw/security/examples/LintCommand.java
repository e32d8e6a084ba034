package dev.apigw.security.examples;

import dev.apigw.security.config.ConfigException;
import dev.apigw.security.lint.LintReport;
import dev.apigw.security.lint.Linter;
import dev.apigw.security.lint.Severity;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code lint --config FILE [--stage NAME] [--format text|json]} (CONTRACT §6): the findings on standard output, one
 * line each or a JSON array; notes and the summary on standard error. Exit code 1 when any finding is high, 2 when
 * the file does not load (its config errors are printed), else 0.
 *
 * <p>Without {@code --stage} the base and every stage are linted; {@code APIGW_STAGE} is not read, so a shell set
 * up for development does not narrow a check meant for every stage.
 */
final class LintCommand {

    static final Set<String> FLAGS = Set.of("--config", "--stage", "--format");

    private final PrintStream out;
    private final PrintStream err;
    private final Linter linter;

    LintCommand(PrintStream out, PrintStream err, Linter linter) {
        this.out = out;
        this.err = err;
        this.linter = linter;
    }

    int run(CommandLine cmd) {
        Path file = Path.of(cmd.required("--config"));
        String format = cmd.get("--format") == null ? "text" : cmd.get("--format");
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, not \"" + format + "\"");
        }
        LintReport report;
        try {
            report = linter.lint(file, cmd.get("--stage"));
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.print(format.equals("json") ? report.json() : report.text());
        report.unchecked().forEach(u -> err.println("note: not checked, its placeholder is not defined here: " + u));
        err.println(summary(report));
        return report.hasHigh() ? 1 : 0;
    }

    private static String summary(LintReport report) {
        StringBuilder s = new StringBuilder(report.findings().size() + " finding(s): ");
        for (Severity severity : Severity.values()) {
            long n = report.findings().stream().filter(f -> f.severity() == severity).count();
            s.append(severity == Severity.HIGH ? "" : ", ").append(n).append(' ').append(severity.label());
        }
        return s.append(report.hasHigh() ? " (exit code 1: fix the high ones)" : "").toString();
    }
}
