package dev.apigw.security.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdSourceTest {

    private final RequestIdSource ids = new RequestIdSource();

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a-b_c.d:e", "0123456789abcdef0123456789abcdef"})
    void keepsWellFormedCallerIds(String id) {
        assertThat(ids.idFor(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\nb", "<script>", "é", "a\"b"})
    void replacesMalformedCallerIds(String id) {
        assertThat(ids.idFor(id)).matches("[0-9a-f]{32}");
    }

    @Test
    void replacesOverlongCallerIds() {
        assertThat(ids.idFor("a".repeat(129))).hasSize(32);
        assertThat(ids.idFor("a".repeat(128))).hasSize(128);
    }

    @Test
    void newIdsAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.newId())).isTrue();
        }
    }
}
