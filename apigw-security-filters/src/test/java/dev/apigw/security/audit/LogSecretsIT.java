package dev.apigw.security.audit;

import dev.apigw.security.auth.apikey.ApiKeyFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads everything the unit tests logged (surefire keeps each class's output in a file) and looks for the secrets
 * those tests handled: signed tokens, API keys in the scanner-recognisable format, private keys. Runs after the unit
 * tests, in the integration-test phase, so it sees the whole suite's output.
 */
class LogSecretsIT {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");
    private static final Pattern API_KEY = Pattern.compile(ApiKeyFormat.SCANNER_PATTERN);
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    @Test
    void noTokenKeyOrPrivateKeyInAnyLogOutputOfTheSuite() throws IOException {
        Path reports = Path.of("target", "surefire-reports");
        assertThat(reports).as("the unit tests ran before this check").isDirectory();
        List<String> leaks = new ArrayList<>();
        int files = 0;
        try (Stream<Path> outputs = Files.list(reports)) {
            for (Path file : (Iterable<Path>) outputs.filter(p -> p.toString().endsWith("-output.txt"))::iterator) {
                files++;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern p : List.of(JWT, API_KEY, PRIVATE_KEY)) {
                    Matcher m = p.matcher(text);
                    if (m.find()) {
                        leaks.add(file.getFileName() + ": " + m.group().substring(0, Math.min(24, m.group().length())) + "...");
                    }
                }
            }
        }
        assertThat(files).as("test output files found").isPositive();
        assertThat(leaks).as("secrets found in log output").isEmpty();
    }
}
