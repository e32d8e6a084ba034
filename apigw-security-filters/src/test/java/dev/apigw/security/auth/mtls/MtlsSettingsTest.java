package dev.apigw.security.auth.mtls;

import dev.apigw.security.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.apigw.security.auth.mtls.MtlsAuthenticatorTest.CA;
import static dev.apigw.security.auth.mtls.MtlsAuthenticatorTest.OTHER_CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MtlsSettingsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsABundleWithExplanatoryText() throws Exception {
        Path bundle = write("ca.pem", "# Issuer: Test Client CA\n" + TestCertificates.pem(CA.certificate())
                + "subject=CN=Other CA\n" + TestCertificates.pem(OTHER_CA.certificate()));
        MtlsSettings settings = MtlsSettings.builder().truststore(bundle).certificateHeader("X-Client-Cert").build();
        assertThat(settings.trustedCertificates()).containsExactly(CA.certificate(), OTHER_CA.certificate());
        assertThat(settings.principalSource()).isEqualTo(PrincipalSource.SUBJECT_CN);
        assertThat(settings.toString()).contains("trusted CAs=2");
    }

    @Test
    void refusesMissingEmptyOrKeyBearingTruststores() throws Exception {
        assertThatThrownBy(() -> MtlsSettings.builder().truststore(dir.resolve("nope.pem")))
                .hasMessageContaining("cannot be read").hasMessageContaining("PEM bundle");
        assertThatThrownBy(() -> MtlsSettings.builder().truststore(write("empty.pem", "\n")))
                .hasMessageContaining("holds no certificate");
        Path withKey = write("key.pem", TestCertificates.pem(CA.certificate())
                + "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> MtlsSettings.builder().truststore(withKey)).hasMessageContaining("never a key");
        Path truncated = write("cut.pem", TestCertificates.pem(CA.certificate()).substring(0, 100));
        assertThatThrownBy(() -> MtlsSettings.builder().truststore(truncated)).hasMessageContaining("END line");
    }

    @Test
    void refusesSettingsWithoutTruststoreOrWithABadHeaderName() {
        assertThatThrownBy(() -> MtlsSettings.builder().build()).hasMessageContaining("needs a truststore");
        assertThatThrownBy(() -> MtlsAuthenticatorTest.settings().certificateHeader("X Client").build())
                .hasMessageContaining("header name");
        assertThatThrownBy(() -> MtlsAuthenticatorTest.settings().maxHeaderLength(10).build())
                .hasMessageContaining("maxHeaderLength");
    }
}
