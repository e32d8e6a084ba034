package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the loader refuses before any schema check: hostile or ambiguous input, with a clean message. */
class DocumentLimitsTest {

    private static final ConfigDocumentLoader LOADER = ConfigDocumentLoader.builder()
            .environment(k -> null).systemProperties(k -> null).build();

    @TempDir
    Path dir;

    @Test
    void refusesYamlAnchorsAndAliasesSoABillionLaughsCannotExpand() {
        String bomb = """
                version: 1
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                """;
        assertThatThrownBy(() -> LOADER.load("bomb.yaml", bomb))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error at /a: YAML anchors and aliases (&name, *name) are not supported; write the"
                        + " value out, or use stages and defaults (line 2, column 4)");
    }

    @Test
    void refusesAnAliasOfAScalar() {
        assertThatThrownBy(() -> LOADER.load("a.yaml", "version: 1\ncors: { maxAge: &t 5m }\naudit: *t\n"))
                .hasMessageStartingWith("config error at /audit: YAML anchors and aliases");
    }

    @ParameterizedTest
    @CsvSource({"65", "100000"})
    void refusesNestingDeeperThanSixtyFourLevels(int depth) {
        String deep = "version: 1\nx: " + "[".repeat(depth) + "]".repeat(depth);
        assertThatThrownBy(() -> LOADER.load("deep.yaml", deep))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error at /: the file nests deeper than 64 levels");
        assertThatThrownBy(() -> LOADER.load("deep.json", "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}"))
                .hasMessage("config error at /: the file nests deeper than 64 levels");
    }

    @Test
    void refusesFilesOverOneMebibyteBeforeParsingThem() throws IOException {
        String big = "version: 1\n#" + "x".repeat(1024 * 1024) + "\n";
        Path file = Files.writeString(dir.resolve("big.yaml"), big);

        assertThatThrownBy(() -> LOADER.load(file))
                .hasMessageMatching("config error at /: .*big\\.yaml is larger than 1MiB");
        assertThatThrownBy(() -> LOADER.load("stdin", new ByteArrayInputStream(big.getBytes())))
                .hasMessage("config error at /: stdin is larger than 1MiB");
        assertThatThrownBy(() -> LOADER.load("text", big))
                .hasMessage("config error at /: text is larger than 1MiB");
    }

    @Test
    void refusesDuplicateKeysNamingTheKeyAndWhere() {
        assertThatThrownBy(() -> LOADER.load("dup.yaml", "version: 1\ntransport:\n  requireHttps: true\n"
                + "  requireHttps: false\n"))
                .hasMessage("config error at /transport/requireHttps: duplicate key \"requireHttps\" (line 4, column 3)");
        assertThatThrownBy(() -> LOADER.load("dup.yaml", "version: 1\nversion: 1\n"))
                .hasMessageStartingWith("config error at /version: duplicate key \"version\"");
        assertThatThrownBy(() -> LOADER.load("dup.json", "{\"version\": 1, \"version\": 2}"))
                .hasMessageStartingWith("config error at /version: duplicate key \"version\"");
    }

    @Test
    void refusesASecondDocument() {
        assertThatThrownBy(() -> LOADER.load("two.yaml", "version: 1\n---\nversion: 1\n"))
                .hasMessage("config error at /: the file holds more than one document (remove the second --- or"
                        + " what follows the first document) (line 3, column 1)");
    }

    @Test
    void givesLineAndColumnOfASyntaxErrorWithoutTheParsersExcerpt() {
        assertThatThrownBy(() -> LOADER.load("bad.yaml", "version: 1\ncors: [a, b\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error at /cors/1: cannot parse YAML: expected ',' or ']', but got <stream end>"
                        + " (line 3, column 1)")
                .hasNoCause();
        assertThatThrownBy(() -> LOADER.load("bad.yaml", "version: 1\ncors:\n\tmaxAge: 5m\n"))
                .hasMessageContaining("(line 3, column 1)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> LOADER.load("empty.yaml", "  \n# nothing\n"))
                .hasMessage("config error at /: the file is empty (it needs at least version: 1)");
    }

    @Test
    void refusesBytesThatAreNotUtf8AndSkipsAByteOrderMark() {
        byte[] latin1 = "version: 1\naudit: { logger: caf\u00e9 }\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LOADER.load("latin1.yaml", new ByteArrayInputStream(latin1)))
                .hasMessage("config error at /: latin1.yaml is not UTF-8 text (at byte offset 31)");

        byte[] bom = "\uFEFFversion: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(LOADER.load("bom.yaml", new ByteArrayInputStream(bom)).tree()).hasToString("{\"version\":1}");
    }

    @Test
    void readsYamlLiteralsAsYaml12JsonSchemaDoes() {
        assertThatThrownBy(() -> LOADER.load("a.yaml", "version: 1\ntransport: { requireHttps: on, redirect: ~ }\n"))
                .hasMessage("""
                        config error at /transport/redirect: "~" is not true or false
                        config error at /transport/requireHttps: "on" is not true or false""");
    }
}
