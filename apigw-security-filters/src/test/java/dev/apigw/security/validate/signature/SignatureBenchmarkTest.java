package dev.apigw.security.validate.signature;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@link SignatureBenchmark} on the public corpora, writes its table into docs/BENCHMARKS.md (section
 * "Attack signatures", replaced on every run) and holds the scanner to the targets of issue 6. The corpora are found
 * through the system property {@code apigw.corpora}, else as {@code shared/corpora} in a directory above the working
 * directory; where they are missing the test is skipped, unless {@code CI=true}, where it fails.
 */
class SignatureBenchmarkTest {

    @Test
    void meetsTheDetectionAndFalsePositiveTargets() throws IOException {
        Path corpora = corpora();
        SignatureBenchmark.Result r = new SignatureBenchmark().run(corpora);
        SignatureBenchmark.writeSection(repositoryRoot().resolve("docs/BENCHMARKS.md"), SignatureBenchmark.markdown(r));

        for (Category c : new Category[] {Category.SQLI, Category.XSS, Category.TRAVERSAL}) {
            assertThat(r.attack(c, 1).rate()).as(c.configName() + " level 1, " + r.misses())
                    .isGreaterThanOrEqualTo(0.95);
            assertThat(r.attack(c, 2).rate()).as(c.configName() + " level 2, " + r.misses())
                    .isGreaterThanOrEqualTo(0.75);
        }
        assertThat(r.benign().get("benign/tricky-values.jsonl").blocked).as(r.misses().toString()).isZero();
        assertThat(r.benign().get("benign/license-sentences.jsonl").rate()).as(r.misses().toString())
                .isLessThanOrEqualTo(0.01);
    }

    private static Path corpora() {
        String configured = System.getProperty("apigw.corpora");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpora");
            if (Files.isRegularFile(candidate.resolve("crs/regression-cases.jsonl"))) {
                return candidate;
            }
        }
        String message = "corpora not found: set -Dapigw.corpora=/path/to/shared/corpora";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    /** The directory holding the parent pom, i.e. the one above this module. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("apigw-security-filters"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from within the apigw-security repository");
    }
}
