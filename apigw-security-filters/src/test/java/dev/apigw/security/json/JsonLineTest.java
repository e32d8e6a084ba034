package dev.apigw.security.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void hostileValuesStayInsideOneValidLine() {
        String hostile = "a\"b\\c\r\n{\"decision\":\"allow\"}\u0000\u001b[31m\u2028\u0085\ud800x";
        String line = new JsonLine(64).field("path", hostile).field("decision", "deny").end();
        assertThat(line).doesNotContain("\n", "\r", "\u2028", "\u0000");
        var tree = MAPPER.readTree(line);
        assertThat(tree.get("decision").asString()).isEqualTo("deny");
        assertThat(tree.get("path").asString()).startsWith("a\"b\\c\r\n{").endsWith("\ud800x");
        assertThat(line).contains("\\ud800x", "\\u2028", "\\u0085");
        assertThat(tree.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"plain,\"plain\"", "é,\"é\"", "'\t',\"\\t\""})
    void escapesOnlyWhatMustBeEscaped(String in, String out) {
        StringBuilder sb = new StringBuilder();
        JsonLine.string(sb, in);
        assertThat(sb.toString()).isEqualTo(out);
    }

    @Test
    void escapesBidiOverridesSoALogLineReadsAsItIs() {
        assertThat(new JsonLine(16).field("v", "a\u202eb").end()).isEqualTo("{\"v\":\"a\\u202eb\"}");
    }

    @Test
    void keepsSurrogatePairs() {
        String line = new JsonLine(16).field("v", "😀").end();
        assertThat(MAPPER.readTree(line).get("v").asString()).isEqualTo("😀");
    }

    @Test
    void leavesNullFieldsOut() {
        assertThat(new JsonLine(16).field("a", (String) null).field("b", 1).end()).isEqualTo("{\"b\":1}");
    }
}
