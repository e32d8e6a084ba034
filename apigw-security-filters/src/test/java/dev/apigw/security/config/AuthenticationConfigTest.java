package dev.apigw.security.config;

import dev.apigw.security.auth.authorizer.RecordingAuthorizer;
import dev.apigw.security.testing.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code authentication.mtls} and {@code authentication.authorizers} from the file, and their start-up errors. */
class AuthenticationConfigTest {

    private static final String FILE = """
            version: 1
            trustedProxies: [10.0.0.0/8]
            authentication:
              mtls:
                truststore: ca.pem
                certificateHeader: X-Client-Cert
              authorizers:
                - name: partner
                  class: %s
                  identitySources: [header:X-Partner-Token, query:tenant]
                  cacheTtl: 30s
            routes:
              - path: /pets
                auth: [mtls, partner]
            """.formatted(RecordingAuthorizer.class.getName());

    @TempDir
    Path dir;

    @BeforeEach
    void writeTruststore() throws Exception {
        Files.writeString(dir.resolve("ca.pem"),
                TestCertificates.pem(TestCertificates.authority("Config CA", Instant.now()).certificate()));
    }

    private GatewayConfig load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("apigw.yaml"), yaml);
        return ConfigLoader.load(file, null);
    }

    private String errorOf(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("apigw.yaml"), yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, null));
        assertThat(e).as("config error").isNotNull();
        return e.getMessage();
    }

    @Test
    void readsMtlsAndAuthorizersWithTheTruststoreBesideTheFile() throws Exception {
        GatewayConfig config = load(FILE);
        assertThat(config.mtls().certificateHeader()).isEqualTo("X-Client-Cert");
        assertThat(config.mtls().trustedCertificates()).hasSize(1);
        var partner = config.authorizers().get("partner");
        assertThat(partner.authorizer()).isInstanceOf(RecordingAuthorizer.class);
        assertThat(partner.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(partner.identitySources()).extracting(Object::toString)
                .containsExactly("header:X-Partner-Token", "query:tenant");
        assertThat(config.routes().get(0).auth()).containsExactly("mtls", "partner");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing truststore|truststore: ca.pem|truststore: nope.pem|config error at /authentication/mtls/truststore: the truststore",
            "no truststore|truststore: ca.pem|# no truststore|config error at /authentication/mtls: mtls needs a truststore",
            "bad class|class: dev.apigw.security.auth.authorizer.RecordingAuthorizer|class: com.example.Nope|config error at /authentication/authorizers/0/class: class com.example.Nope was not found",
            "bad source|query:tenant]|cookie:tenant]|config error at /authentication/authorizers/0/identitySources/1",
            "unknown authorizer|auth: [mtls, partner]|auth: [mtls, partnr]|config error at /routes/0/auth/1: auth method \"partnr\" is not configured (add an authorizer named partnr under authentication.authorizers)",
            "reserved name|name: partner|name: jwt|config error at /authentication/authorizers/0: \"jwt\" is a built-in method name",
    })
    void errorsCarryThePointer(String what, String from, String to, String expected) throws Exception {
        String yaml = FILE.replace(from, to);
        assertThat(yaml).isNotEqualTo(FILE);
        assertThat(errorOf(yaml)).contains(expected);
    }

    @Test
    void mtlsRouteWithoutTheSectionSaysWhatToAdd() throws Exception {
        String yaml = FILE.replace("""
                  mtls:
                    truststore: ca.pem
                    certificateHeader: X-Client-Cert
                """, "");
        assertThat(errorOf(yaml)).contains("config error at /routes/0/auth/0: auth method \"mtls\" is not configured"
                + " (add authentication.mtls)");
    }

    @Test
    void cacheTtlWithoutIdentitySourcesIsRefused() throws Exception {
        String yaml = FILE.replace("      identitySources: [header:X-Partner-Token, query:tenant]\n", "");
        assertThat(errorOf(yaml)).contains("config error at /authentication/authorizers/0: cacheTtl needs identitySources");
    }

    @Test
    void twoAuthorizersWithOneNameAreRefused() throws Exception {
        String yaml = FILE.replace("routes:", """
                    - name: partner
                      class: %s
                routes:""".formatted(RecordingAuthorizer.class.getName()));
        assertThat(errorOf(yaml)).contains("config error at /authentication/authorizers/1: two authentication methods"
                + " are named \"partner\"");
    }
}
