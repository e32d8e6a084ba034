package dev.apigw.security.springboot;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot application on its embedded Tomcat 11, with the filter registered from the module's own
 * {@code apigw.yaml} (copied beside a fresh HS256 secret file, stage {@code local} for plain http), over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PetsApplicationIT {

    private static final String SECRET = newSecret();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("apigw-boot-it");
        Files.copy(Path.of("apigw.yaml"), dir.resolve("apigw.yaml"));
        Files.writeString(dir.resolve("jwt-secret.txt"), SECRET + "\n");
        registry.add("apigw.config", () -> dir.resolve("apigw.yaml").toString());
        registry.add("apigw.stage", () -> "local");
    }

    @Test
    void refusesARequestWithoutATokenWith401() throws Exception {
        HttpResponse<String> response = get("/pets", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("\"reason\":\"unauthenticated\"");
    }

    @Test
    void answersAValidTokenWith200AndTheIdentityReachesTheController() throws Exception {
        HttpResponse<String> response = get("/pets", token("alice", "pets:read"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"caller\":\"alice\"", "Rex");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void answersThePublicHealthRouteWith200() throws Exception {
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesATokenWithoutTheScopeWith403() throws Exception {
        assertThat(get("/pets", token("bob", "pets:write")).statusCode()).isEqualTo(403);
    }

    @Test
    @Disabled("needs throttling (issue 5)")
    void answers429OnceTheAnonymousLimitIsUsedUp() throws Exception {
        // apigw.yaml then sets throttling.anonymous to { rate: 5/m, burst: 5 }
        HttpResponse<String> response = null;
        for (int i = 0; i < 6; i++) {
            response = get("/health", null);
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"reason\":\"throttled\"");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HS256 token signed with the secret in jwt-secret.txt (RFC 7515 §A.1). */
    private static String token(String subject, String scope) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"https://issuer.example.com\",\"aud\":\"pets-api\",\"sub\":\"" + subject
                + "\",\"scope\":\"" + scope + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String newSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
