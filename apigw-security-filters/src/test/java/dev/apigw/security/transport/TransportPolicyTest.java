package dev.apigw.security.transport;

import dev.apigw.security.transport.TransportPolicy.Hsts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TransportPolicyTest {

    @Test
    void requiresHttpsByDefaultWithNothingElse() {
        TransportPolicy policy = TransportPolicy.builder().build();
        assertThat(policy.requireHttps()).isTrue();
        assertThat(policy.redirect()).isFalse();
        assertThat(policy.httpsPort()).isEqualTo(443);
        assertThat(policy.hsts()).isNull();
        assertThat(policy.secretQueryParameters()).isEmpty();
    }

    @Test
    void refusesRedirectWithoutRequiringHttps() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TransportPolicy.builder().requireHttps(false).redirect(true).build())
                .withMessage("redirect: true needs requireHttps: true, since the redirect is the answer to plain HTTP"
                        + " where HTTPS is required; set requireHttps: true or drop redirect");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void refusesHttpsPortOutOfRange(int port) {
        assertThatIllegalArgumentException().isThrownBy(() -> TransportPolicy.builder().httpsPort(port).build())
                .withMessage("httpsPort must be from 1 to 65535, not " + port);
    }

    @Test
    void refusesEmptySecretParameterNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TransportPolicy.builder().rejectSecretsInQuery("token", " ").build())
                .withMessage("rejectSecretsInQuery[1]: a parameter name must not be empty");
        List<String> withNull = new ArrayList<>(List.of("token"));
        withNull.add(null);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TransportPolicy.builder().rejectSecretsInQuery(withNull).build())
                .withMessage("rejectSecretsInQuery[1]: a parameter name must not be empty");
    }

    @Test
    void replacesSecretParameterNamesAndKeepsThemImmutable() {
        TransportPolicy.Builder builder = TransportPolicy.builder().rejectSecretsInQuery("a").rejectSecretsInQuery(
                "access_token", "api_key");
        TransportPolicy policy = builder.build();
        builder.rejectSecretsInQuery("other");
        assertThat(policy.secretQueryParameters()).containsExactly("access_token", "api_key");
    }

    @Test
    void refusesNegativeHstsMaxAge() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Hsts(Duration.ofSeconds(-1), false, false))
                .withMessage("hsts maxAge must not be negative, not PT-1S");
        assertThatNullPointerException().isThrownBy(() -> new Hsts(null, false, false));
    }

    @Test
    void refusesPreloadWithoutIncludeSubDomainsOrAYear() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Hsts(Duration.ofDays(365), false, true))
                .withMessage("hsts preload needs includeSubDomains: true and a maxAge of at least 365d (the"
                        + " hstspreload.org requirements); got includeSubDomains: false, maxAge: 31536000s");
        assertThatIllegalArgumentException().isThrownBy(() -> new Hsts(Duration.ofDays(364), true, true))
                .withMessageEndingWith("got includeSubDomains: true, maxAge: 31449600s");
        assertThat(new Hsts(Duration.ofDays(365), true, true).preload()).isTrue();
    }
}
