package dev.apigw.security.examples;

import dev.apigw.security.CustomAuthorizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerTokenAuthorizerTest {

    private static CustomAuthorizer.Request request(Map<String, String> sources) {
        return new CustomAuthorizer.Request("GET", "/pets", "/pets", Map.of(), Map.of(), "127.0.0.1", sources);
    }

    @Test
    void allowsTheDemoPartnerWithItsScopesAndTier() throws Exception {
        var answer = new PartnerTokenAuthorizer().authorize(
                request(Map.of(PartnerTokenAuthorizer.TOKEN_SOURCE, "demo-partner-token")));
        assertThat(answer.allowed()).isTrue();
        assertThat(answer.principal()).isEqualTo("partner-demo");
        assertThat(answer.scopes()).containsExactly("pets:read");
        assertThat(answer.context()).containsEntry("tier", "gold");
    }

    @Test
    void deniesUnknownOrMissingTokens() throws Exception {
        for (var sources : List.of(Map.of(PartnerTokenAuthorizer.TOKEN_SOURCE, "guess"), Map.<String, String>of())) {
            assertThat(new PartnerTokenAuthorizer().authorize(request(sources)).allowed()).isFalse();
        }
    }
}
