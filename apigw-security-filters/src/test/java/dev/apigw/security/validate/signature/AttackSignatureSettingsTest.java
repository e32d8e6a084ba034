package dev.apigw.security.validate.signature;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttackSignatureSettingsTest {

    @Test
    void defaultsBlockEveryCategory() {
        AttackSignatureSettings d = AttackSignatureSettings.defaults();
        assertThat(d.mode()).isEqualTo(AttackSignatureSettings.Mode.BLOCK);
        assertThat(d.categories()).containsExactlyInAnyOrder(Category.values());
        assertThat(d.excludedFields()).isEmpty();
        assertThat(d.active()).isTrue();
    }

    @Test
    void buildsRouteSettingsOnTopOfGlobalOnes() {
        AttackSignatureSettings global = AttackSignatureSettings.builder().mode(AttackSignatureSettings.Mode.LOG)
                .categories(Category.SQLI, Category.XSS).build();
        AttackSignatureSettings route = global.toBuilder().exclude("/description", "html").build();
        assertThat(route.mode()).isEqualTo(AttackSignatureSettings.Mode.LOG);
        assertThat(route.categories()).isEqualTo(Set.of(Category.SQLI, Category.XSS));
        assertThat(route.excludedFields()).containsExactlyInAnyOrder("/description", "html");
        assertThat(global.excludedFields()).isEmpty();
    }

    @Test
    void offOrNoCategoryChecksNothing() {
        assertThat(AttackSignatureSettings.builder().mode(AttackSignatureSettings.Mode.OFF).build().active()).isFalse();
        assertThat(AttackSignatureSettings.builder().categories().build().active()).isFalse();
    }

    @Test
    void refusesExcludedFieldsThatAreNotPointersOrNames() {
        assertThatThrownBy(() -> AttackSignatureSettings.builder().exclude(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> AttackSignatureSettings.builder().exclude("/a~2b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 6901");
    }

    @Test
    void parsesConfigurationNames() {
        assertThat(AttackSignatureSettings.Mode.fromConfigName("log")).isEqualTo(AttackSignatureSettings.Mode.LOG);
        assertThat(Category.fromConfigName("traversal")).isEqualTo(Category.TRAVERSAL);
        assertThatThrownBy(() -> AttackSignatureSettings.Mode.fromConfigName("warn"))
                .hasMessage("unknown attack signature mode \"warn\" (write block, log or off)");
        assertThatThrownBy(() -> Category.fromConfigName("rce")).hasMessage(
                "unknown attack signature category \"rce\" (write one of sqli, xss, traversal, cmdi, crlf)");
    }
}
