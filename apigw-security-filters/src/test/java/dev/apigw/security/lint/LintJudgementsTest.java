package dev.apigw.security.lint;

import dev.apigw.security.ip.Cidr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The small judgements the rules are built on, as tables. */
class LintJudgementsTest {

    @ParameterizedTest
    @CsvSource({"prod, true", "production, true", "PRD, true", "live, true", "eu-prod, true", "prod_2, true",
            "prod2, true", "staging, false", "preprod, false", "dev, false", "liveness, false", "productive, false"})
    void stageNamesLikeProduction(String stage, boolean production) {
        assertThat(TransportChecks.productionLike(stage)).isEqualTo(production);
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0/0, true", "::/0, true", "::ffff:0:0/96, true", "10.0.0.0/7, true", "172.0.0.0/8, true",
            "192.0.0.0/8, true", "64.0.0.0/2, true", "2000::/3, true", "10.0.0.0/8, false", "172.16.0.0/12, false",
            "192.168.1.0/24, false", "fd00::/8, false", "203.0.113.0/24, false", "104.16.0.0/13, false",
            "2001:db8::/32, false", "127.0.0.1, false"})
    void trustedProxyRangesWiderThanAPrivateNetwork(String range, boolean tooWide) {
        assertThat(TransportChecks.tooWide(Cidr.parse(range))).isEqualTo(tooWide);
    }

    @ParameterizedTest
    @CsvSource({"https://*.example.com, false", "https://*.api.example.co.uk, false", "https://*.com, true",
            "https://*.co.uk, true", "https://*.com.au, true", "https://*.github.io, true", "https://*.vercel.app, true",
            "http://*.example.com, true", "http://*.localhost:3000, false", "https://*, true",
            "https://api.*.example.com, true", "https://app.example.com, false"})
    void wildcardOriginsTooWide(String origin, boolean tooWide) {
        assertThat(CorsOrigin.parse(origin).tooWideWildcard()).isEqualTo(tooWide);
    }

    @ParameterizedTest
    @CsvSource({"http://app.example.com, true", "http://localhost:3000, false", "http://127.0.0.1:8080, false",
            "'http://[::1]:8080', false", "https://app.example.com, false"})
    void plainHttpOrigins(String origin, boolean plain) {
        assertThat(CorsOrigin.parse(origin).plainHttp()).isEqualTo(plain);
    }

    @ParameterizedTest
    @CsvSource(value = {"/admin, admin", "/v1/admin-panel/{id}, admin", "/actuator/health, actuator",
            "/internal/jobs, internal", "/debug, debug", "/manage, manage", "/config.json, config", "/metrics, metrics",
            "/Administrator, administrator", "/pets, null", "/health, null", "/pets/{id}, null", "/adm, null",
            "/configure, null"}, nullValues = "null")
    void administrativePaths(String path, String word) {
        assertThat(RouteChecks.adminWord(path)).isEqualTo(word);
    }
}
