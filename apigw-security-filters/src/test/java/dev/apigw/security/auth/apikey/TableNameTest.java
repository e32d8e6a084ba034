package dev.apigw.security.auth.apikey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"apigw_api_keys", "myschema.apigw_api_keys", "_keys", "Keys2",
            "a23456789012345678901234567890123456789012345678901234567890123"})
    void acceptsPlainIdentifiers(String name) {
        assertThat(TableName.checked(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"keys; DROP TABLE users", "keys WHERE 1=1 --", "\"keys\"", "keys--", "a.b.c", ".keys",
            "keys.", "1keys", "key-s", "ключи", "keys\u0000", "keys ", "k/*x*/",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingThatCouldChangeTheStatementWithoutRepeatingIt(String name) {
        assertThatThrownBy(() -> TableName.checked(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain SQL identifier")
                .hasMessage(messageFor("-"));
    }

    /** The message does not depend on the name, so it never repeats one. */
    private static String messageFor(String name) {
        try {
            TableName.checked(name);
            throw new AssertionError("accepted " + name);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys; DROP TABLE users", "x\"y"})
    void theStoreBuilderAndTheSchemaRefuseThemToo(String name) {
        assertThatThrownBy(() -> JdbcApiKeyStore.builder("jdbc:none:", null, null).table(name))
                .hasMessageContaining("plain SQL identifier");
        assertThatThrownBy(() -> JdbcApiKeyStore.schemaSql(name)).hasMessageContaining("plain SQL identifier");
    }
}
