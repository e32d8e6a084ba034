package dev.apigw.security.validate.signature;

import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values an API sees every day (ordinary-values.txt, written for this project: user agents, links, cookies, names
 * with apostrophes, prices and filters, rich text, identifiers, words that are also code) pass as query values,
 * body strings and header values.
 */
class OrdinaryValuesTest {

    private static final SignatureScanner SCANNER = SignatureScanner.of(AttackSignatureSettings.defaults());

    static List<String> values() throws IOException {
        try (InputStream in = OrdinaryValuesTest.class.getResourceAsStream("ordinary-values.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void passes(String value) {
        assertThat(SCANNER.scan(value)).as(value).isEmpty();
        assertThat(SCANNER.scan(FakeRequest.get("/").header("User-Agent", value).header("Referer", value).build()))
                .as("header " + value).isEmpty();
    }
}
