package dev.apigw.security.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a JSON body must meet before any schema sees it, each failure with a pointer and without the client's text. */
class JsonLimitsTest {

    private final JsonTreeReader reader = new JsonTreeReader(JsonLimits.DEFAULTS);

    private JsonNode read(JsonTreeReader r, String json) throws InvalidJsonException {
        return r.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private InvalidJsonException failure(String json) {
        return catchThrowableOfType(InvalidJsonException.class, () -> read(reader, json));
    }

    @Test
    void readsAValidBodyIntoTheSameTreeAMapperWould() throws Exception {
        JsonNode tree = read(reader, "{\"name\":\"Kit\",\"age\":3,\"weight\":4.5,\"big\":123456789012345678901,"
                + "\"tags\":[\"a\",null,true,false],\"owner\":{\"id\":1}}");
        assertThat(tree.toString()).isEqualTo("{\"name\":\"Kit\",\"age\":3,\"weight\":4.5,\"big\":123456789012345678901,"
                + "\"tags\":[\"a\",null,true,false],\"owner\":{\"id\":1}}");
        assertThat(read(reader, " 42 ").intValue()).isEqualTo(42);
    }

    @Test
    void refusesATenThousandDeepArrayAtTheFirstLevelTooDeep() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        InvalidJsonException e = failure(deep);
        assertThat(e.getMessage()).isEqualTo("nests arrays and objects deeper than 32 levels");
        assertThat(e.pointer()).as("the array that is one level too deep").isEqualTo("/0".repeat(32));
    }

    @Test
    void refusesDeepNestingEvenWhenTheBodyIsCutShort() {
        assertThat(failure("{\"a\":".repeat(5_000)).getMessage()).isEqualTo("nests arrays and objects deeper than 32 levels");
    }

    @Test
    void acceptsExactlyTheMaximumDepth() throws Exception {
        assertThat(read(reader, "[".repeat(32) + "]".repeat(32)).isArray()).isTrue();
    }

    @Test
    void refusesADuplicateKeyAtItsPointerWithoutNamingIt() {
        InvalidJsonException e = failure("{\"pet\":{\"name\":\"a\",\"<b>secret</b>\":1,\"<b>secret</b>\":2}}");
        assertThat(e.getMessage()).isEqualTo("names the same property twice");
        assertThat(e.pointer()).isEqualTo("/pet/<b>secret<~1b>");
        assertThat(failure("{\"a\":1,\"a\":{\"b\":1}}").pointer()).isEqualTo("/a");
    }

    @Test
    void keepsTheLastOfDuplicateKeysWhenTheyAreAllowed() throws Exception {
        JsonTreeReader lenient = new JsonTreeReader(JsonLimits.DEFAULTS.withRejectDuplicateKeys(false));
        assertThat(read(lenient, "{\"a\":1,\"a\":2}").get("a").intValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1} {\"b\":2}    | has content after the JSON value",
            "[1] 2                 | has content after the JSON value",
            "{\"a\":1}}            | has content after the JSON value",
            "'   '                 | holds no JSON value",
            "{\"a\":1e999}         | is a number out of range",
    })
    void refusesWhatIsNotExactlyOneValue(String json, String message) {
        assertThat(failure(json).getMessage()).isEqualTo(message);
    }

    @Test
    void describesSyntaxErrorsByLineAndColumnOnly() {
        InvalidJsonException e = failure("{\"a\":\n <script>}");
        assertThat(e.getMessage()).isEqualTo("is not valid JSON (line 2, column 2)");
        assertThat(e.getMessage()).doesNotContain("script", "<");
    }

    @Test
    void refusesStringsNamesAndNumbersOverTheirLimits() {
        JsonTreeReader small = new JsonTreeReader(new JsonLimits(32, 10, 5, true));
        assertThatThrownBy(() -> read(small, "{\"a\":\"" + "x".repeat(11) + "\"}"))
                .hasMessage("has a string longer than 10 characters");
        assertThatThrownBy(() -> read(small, "{\"" + "k".repeat(11) + "\":1}"))
                .hasMessage("has a property name longer than 10 characters");
        assertThatThrownBy(() -> read(small, "[123456]")).hasMessage("has a number longer than 5 characters");
        assertThatThrownBy(() -> read(small, "[1.23456]")).hasMessage("has a number longer than 5 characters");
    }

    @Test
    void refusesAStringOfAMegabyteWithoutHoldingIt() {
        String huge = "[\"" + "x".repeat(1024 * 1024) + "\"]";
        assertThat(failure(huge).getMessage()).isEqualTo("has a string longer than 65536 characters");
    }

    @Test
    void refusesUtf16AndUtf32Bodies() {
        byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(utf16))).hasMessage("is not UTF-8 (RFC 8259 §8.1)");
        byte[] bom = "{\"a\":1}".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bom))).hasMessage("is not UTF-8 (RFC 8259 §8.1)");
    }

    @Test
    void refusesMalformedUtf8InsideAString() {
        byte[] bad = {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'};
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bad))).hasMessageStartingWith("is not valid JSON");
    }
}
