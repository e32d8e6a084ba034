package dev.apigw.security.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityEventTypesTest {

    @ParameterizedTest
    @CsvSource({"invalid_credentials,authentication_failed", "unauthenticated,authentication_failed",
            "insufficient_scope,access_denied", "ip_denied,ip_denied", "throttled,throttled",
            "locked_out,locked_out", "attack_signature,attack_signature", "authorizer_failed,dependency_failed"})
    void groupsReasonsIntoEventTypes(String reason, String type) {
        assertThat(SecurityEventTypes.forReason(reason)).isEqualTo(type);
    }
}
