package dev.apigw.security.lint;

import dev.apigw.security.config.ConfigDocument;
import dev.apigw.security.config.ConfigDocumentLoader;
import dev.apigw.security.config.ConfigError;
import dev.apigw.security.config.ConfigException;
import dev.apigw.security.lint.Hits.Hit;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a configuration file for risky settings (CONTRACT §6 {@code lint}); docs/lint.md describes every rule.
 *
 * <p>The file is loaded as the gateway loads it ({@link ConfigDocumentLoader}: parsed, stage merged, placeholders
 * resolved, schema checked), except that a placeholder undefined where the linter runs is left unchecked and listed
 * in {@link LintReport#unchecked()} rather than failing, so a CI job needs none of production's secrets. A file the
 * gateway would refuse for any other reason fails with the {@link ConfigException} the gateway would give.
 */
public final class Linter {

    /** How findings name the file without a stage; parentheses cannot occur in a stage name. */
    public static final String BASE = "(base)";

    private final List<Rules.Entry> rules;
    private final Supplier<ConfigDocumentLoader.Builder> loaders;

    private Linter(List<Rules.Entry> rules, Supplier<ConfigDocumentLoader.Builder> loaders) {
        this.rules = rules;
        this.loaders = loaders;
    }

    /** Every rule, reading placeholders from the real environment and system properties. */
    public static Linter standard() {
        return new Linter(Rules.ALL, ConfigDocumentLoader::builder);
    }

    /** This linter loading through builders from {@code loaders}, e.g. with another environment lookup. */
    public Linter withLoader(Supplier<ConfigDocumentLoader.Builder> loaders) {
        return new Linter(rules, Objects.requireNonNull(loaders, "loaders"));
    }

    /** Every rule, most severe first. */
    public static List<Rule> rules() {
        return Rules.ALL.stream().map(Rules.Entry::rule).toList();
    }

    /**
     * Lints one stage merged over the base, or, when {@code stage} is {@code null}, the base and every stage.
     *
     * @throws ConfigException when the file (or a stage) does not load; every stage's errors are reported
     */
    public LintReport lint(Path file, String stage) {
        Map<String, ConfigDocument> documents = new LinkedHashMap<>();
        Optional<JsonNode> base;
        if (stage != null) {
            documents.put(stage, load(file, stage));
            base = baseIfItLoads(file);
        } else {
            ConfigDocument alone = load(file, null);
            documents.put(BASE, alone);
            base = Optional.of(alone.tree());
            List<ConfigError> errors = new ArrayList<>();
            for (String name : alone.stageNames()) {
                try {
                    documents.put(name, load(file, name));
                } catch (ConfigException e) {
                    e.errors().forEach(err -> errors.add(new ConfigError(err.pointer(), "(stage " + name + ") "
                            + err.message())));
                }
            }
            if (!errors.isEmpty()) {
                throw new ConfigException(errors);
            }
        }
        List<Subject> subjects = new ArrayList<>();
        List<LintReport.Unchecked> unchecked = new ArrayList<>();
        documents.forEach((name, document) -> {
            boolean isBase = document.stage().isEmpty();
            subjects.add(new Subject(name, document, isBase ? Optional.empty() : base));
            document.unresolvedPlaceholders().forEach((pointer, placeholders) ->
                    unchecked.add(new LintReport.Unchecked(name, pointer, placeholders)));
        });
        return new LintReport(findings(subjects), unchecked);
    }

    private List<Finding> findings(List<Subject> subjects) {
        List<Finding> findings = new ArrayList<>();
        for (Rules.Entry entry : rules) {
            // the same finding in several stages is reported once, naming them all
            Map<Hit, Set<String>> found = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                Hits hits = new Hits();
                entry.check().run(subject, hits);
                hits.all().forEach(hit -> found.computeIfAbsent(hit, h -> new LinkedHashSet<>()).add(subject.stage()));
            }
            found.forEach((hit, stages) -> findings.add(new Finding(entry.rule(), hit.pointer(), hit.message(),
                    List.copyOf(stages))));
        }
        return findings;
    }

    private ConfigDocument load(Path file, String stage) {
        return loaders.get().stage(stage).leaveUndefinedPlaceholders().build().load(file);
    }

    /** The base for comparison with a chosen stage; a base that is only complete with a stage is left out. */
    private Optional<JsonNode> baseIfItLoads(Path file) {
        try {
            return Optional.of(load(file, null).tree());
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }
}
