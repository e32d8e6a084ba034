package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfigErrorTest {

    @Test
    void readsAsTheContractWritesIt() {
        assertThat(new ConfigException("/routes/2/throttle/rate",
                "\"10 per sec\" is not a rate (write N/s, N/m or N/h)"))
                .hasMessage("config error at /routes/2/throttle/rate: \"10 per sec\" is not a rate (write N/s, N/m or N/h)")
                .extracting(ConfigException::pointer).isEqualTo("/routes/2/throttle/rate");
    }

    @Test
    void sortsErrorsByDocumentOrderWithIndexesAsNumbersAndDropsDuplicates() {
        ConfigException e = new ConfigException(List.of(
                new ConfigError("/routes/10/path", "b"),
                new ConfigError("/routes/2/path", "a"),
                new ConfigError("/cors", "c"),
                new ConfigError("", "root"),
                new ConfigError("/routes/2/path", "a"),
                new ConfigError("/routes/2", "d")));
        assertThat(e.errors()).extracting(ConfigError::pointer)
                .containsExactly("", "/cors", "/routes/2", "/routes/2/path", "/routes/10/path");
        assertThat(e.getMessage()).startsWith("config error at /: root\nconfig error at /cors: c\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/a~1b/c~0d | config error at /a~1b/c~0d: m",
            "/bad\u202ekey | config error at /bad\\u202ekey: m",
    })
    void showsPointersEscaped(String pointer, String shown) {
        assertThat(new ConfigError(pointer, "m")).hasToString(shown);
    }

    @Test
    void refusesSomethingThatIsNotAPointerOrAnEmptyList() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConfigError("routes/0", "m"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConfigException(List.of()));
    }

    @Test
    void pointersEscapeSlashesAndTildesInKeys() {
        assertThat(Pointer.child("/paths", "/pets/{id}")).isEqualTo("/paths/~1pets~1{id}");
        assertThat(Pointer.segments("/paths/~1pets~1{id}/a~0b")).containsExactly("paths", "/pets/{id}", "a~b");
        assertThat(Pointer.parent("/a/b")).isEqualTo("/a");
        assertThat(Pointer.last("/a/~1b")).isEqualTo("/b");
    }
}
