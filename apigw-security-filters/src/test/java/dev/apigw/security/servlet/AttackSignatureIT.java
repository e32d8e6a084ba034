package dev.apigw.security.servlet;

import dev.apigw.security.config.ConfigLoader;
import dev.apigw.security.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Attack signatures configured in the file, on a real Jetty: query values and JSON body strings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSignatureIT {

    private ContainerFixture jetty;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("signatures-it");
        Files.writeString(dir.resolve("note.json"), """
                {"type":"object","properties":{"text":{"type":"string"},"html":{"type":"string"}}}""");
        Files.writeString(dir.resolve("apigw.yaml"), """
                version: 1
                transport: { requireHttps: false }
                validation:
                  attackSignatures: { mode: block, categories: [sqli, xss, traversal, cmdi, crlf] }
                routes:
                  - path: /search
                    auth: none
                  - path: /notes
                    methods: [POST]
                    auth: none
                    validate:
                      contentTypes: [application/json]
                      body: note.json
                      attackSignatures: { exclude: [/html] }
                """);
        GatewayConfig config = ConfigLoader.load(dir.resolve("apigw.yaml"), null);
        jetty = ContainerFixture.jetty(new ApigwSecurityFilter(config));
    }

    @AfterAll
    void stop() throws Exception {
        jetty.close();
    }

    private HttpResponse<String> search(String q) throws Exception {
        String url = "http://127.0.0.1:" + jetty.port() + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> note(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + jetty.port() + "/notes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void injectionInTheQueryIsRefusedBeforeTheApplicationWithoutEcho() throws Exception {
        var r = search("1 UNION SELECT password FROM users--");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"reason\":\"attack_signature\"").doesNotContain("UNION", "app");
    }

    @Test
    void ordinaryWordsPass() throws Exception {
        assertThat(search("O'Brien").statusCode()).isEqualTo(200);
        assertThat(search("select a union rep").statusCode()).isEqualTo(200);
        assertThat(search("I <3 it").statusCode()).isEqualTo(200);
    }

    @Test
    void scriptInAJsonBodyStringIsRefused() throws Exception {
        var r = note("{\"text\":\"<script>alert(document.cookie)</script>\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"reason\":\"attack_signature\"");
    }

    @Test
    void excludedFieldMayCarryMarkup() throws Exception {
        String body = "{\"html\":\"<b onclick=\\\"x()\\\">hi</b>\",\"text\":\"plain\"}";
        var r = note(body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"app\":\"reached\"");
    }
}
