package dev.apigw.security.examples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar as a user runs it: {@code java -jar apigw-security-examples.jar serve --port 0}, then real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoJarIT {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern READER = Pattern.compile("export READER=(\\S+)");

    private Path dir;
    private Process process;
    private int port;
    private String readerToken;
    private Path auditFile;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheJar() throws Exception {
        Path jar = Path.of("target", "apigw-security-examples.jar");
        assertThat(jar).as("the shaded jar is built in package").exists();
        dir = Files.createTempDirectory("demo-jar-it");
        auditFile = dir.resolve("audit.jsonl");
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--port", "0",
                "--audit-file", auditFile.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                port = Integer.parseInt(listening.group(1));
            }
            Matcher reader = READER.matcher(line);
            if (reader.find()) {
                readerToken = reader.group(1);
                break;
            }
        }
        assertThat(port).as("the jar printed its listening line; stderr: %s", dir.resolve("stderr.txt")).isPositive();
        assertThat(readerToken).isNotBlank();
    }

    @AfterAll
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHealth() throws Exception {
        var r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void protectsPetsAndShowsTheIdentityOfAValidToken() throws Exception {
        assertThat(get("/pets").statusCode()).isEqualTo(401);
        var whoami = get("/whoami", "Authorization", "Bearer " + readerToken);
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"principal\":\"demo-reader\"", "\"authMethod\":\"jwt\"", "pets:read");
        var pets = get("/pets", "Authorization", "Bearer " + readerToken);
        assertThat(pets.statusCode()).isEqualTo(200);
        assertThat(pets.body()).contains("Rex");
    }

    @Test
    void theExampleAuthorizerAllowsThePartnerTokenAndDeniesOthers() throws Exception {
        var whoami = get("/whoami", "X-Partner-Token", "demo-partner-token");
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"principal\":\"partner-demo\"", "\"authMethod\":\"partner\"");
        var denied = get("/pets", "X-Partner-Token", "guess");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("authorizer_denied");
    }

    @Test
    void refusesAReadTokenOnAWriteRoute() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pets"))
                .header("Authorization", "Bearer " + readerToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Kit\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("insufficient_scope");
    }

    @Test
    void writesOneAuditLinePerRequest() throws Exception {
        String id = "audit-check-" + System.nanoTime();
        get("/nope", "X-Request-Id", id);
        // The record is written once the response is complete, which can be just after the client has it.
        List<String> lines = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lines.stream().noneMatch(l -> l.contains(id)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            lines = Files.readAllLines(auditFile);
        }
        assertThat(lines).filteredOn(l -> l.contains(id)).singleElement().asString()
                .contains("\"status\":404", "\"decision\":\"deny\"", "\"reason\":\"route_not_found\"");
    }
}
