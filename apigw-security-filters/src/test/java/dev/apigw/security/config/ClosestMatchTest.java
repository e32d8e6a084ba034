package dev.apigw.security.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClosestMatchTest {

    private static final List<String> ROUTE_KEYS =
            List.of("path", "methods", "auth", "scopes", "groups", "throttle", "validate", "ipPolicy", "cors");

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "methdos, methods",
            "method, methods",
            "Methods, methods",
            "ip_policy, ipPolicy",
            "ip-policy, ipPolicy",
            "trottle, throttle",
            "scope, scopes",
            "pth, path",
            "colour, -",
            "x, -",
            "validation, validate",
    })
    void suggestsTheNameATypoMostLikelyMeant(String typo, String suggestion) {
        assertThat(ClosestMatch.among(typo, ROUTE_KEYS).orElse(null)).isEqualTo(suggestion);
    }
}
