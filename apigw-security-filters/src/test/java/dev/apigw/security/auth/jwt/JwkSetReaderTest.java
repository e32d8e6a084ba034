package dev.apigw.security.auth.jwt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwkSetReaderTest {

    private final JwkSetReader reader = new JwkSetReader(new JwtJson(), 100);

    private Map<String, VerificationKey> read(JwksDocument document) {
        return reader.read(document.json().getBytes(StandardCharsets.UTF_8));
    }

    private static JwksDocument withGoodKey() {
        return JwksDocument.with("good", TestKeys.EC.getPublic());
    }

    @Test
    void readsRsaEcAndEdDsaKeysByKid() {
        Map<String, VerificationKey> keys = read(JwtFixture.standardKeys().add("ec-384", TestKeys.EC_384.getPublic(),
                Map.of("alg", "ES384", "use", "sig")));

        assertThat(keys).containsOnlyKeys("rsa-1", "ec-1", "ed-1", "ec-384");
        assertThat(keys.get("rsa-1").key()).isEqualTo(TestKeys.RSA.getPublic());
        assertThat(keys.get("ec-384").algorithm()).isEqualTo("ES384");
        assertThat(keys.get("ec-384").verifies(JwsAlgorithm.ES384)).isTrue();
        assertThat(keys.get("ec-384").verifies(JwsAlgorithm.ES256)).isFalse();
        assertThat(keys.get("ec-1").verifies(JwsAlgorithm.ES384)).isFalse();
    }

    @Test
    void skipsKeysForEncryption() {
        assertThat(read(withGoodKey().add("enc", TestKeys.RSA.getPublic(), Map.of("use", "enc"))))
                .containsOnlyKeys("good");
        assertThat(read(withGoodKey().add("ops", TestKeys.RSA.getPublic(), Map.of("key_ops", List.of("encrypt")))))
                .containsOnlyKeys("good");
    }

    @Test
    void skipsPrivateAndSymmetricKeyMaterial() {
        Map<String, Object> privateRsa = new java.util.LinkedHashMap<>(
                io.jsonwebtoken.security.Jwks.builder().rsaKeyPair(TestKeys.RSA).id("private").build());
        assertThat(privateRsa).containsKey("d");
        JwksDocument document = withGoodKey().addRaw(privateRsa)
                .addRaw(Map.of("kty", "oct", "kid", "hmac", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"));

        assertThat(read(document)).containsOnlyKeys("good");
    }

    @Test
    void skipsUnsupportedKeyTypesCurvesAndBrokenEntries() {
        JwksDocument document = withGoodKey()
                .addRaw(Map.of("kty", "XYZ", "kid", "odd"))
                .addRaw(Map.of("kty", "OKP", "kid", "x25519", "crv", "X25519",
                        "x", "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"))
                .addRaw(Map.of("kty", "EC", "kid", "off-curve", "crv", "P-256", "x", "AQ", "y", "AQ"))
                .addRaw(Map.of("kty", "RSA", "kid", "broken", "n", "!!", "e", "AQAB"))
                .addRaw(Map.of("kty", "RSA", "n", "AQAB", "e", "AQAB"))
                .add("alg-none", TestKeys.RSA.getPublic(), Map.of("alg", "none"));

        assertThat(read(document)).containsOnlyKeys("good");
    }

    @Test
    void skipsRsaKeysUnder2048Bits() {
        RSAPublicKey weak = (RSAPublicKey) TestKeys.generate("RSA", 1024).getPublic();
        assertThat(read(withGoodKey().add("weak", weak))).containsOnlyKeys("good");
    }

    @Test
    void keepsTheFirstEntryForARepeatedKid() {
        Map<String, VerificationKey> keys = read(JwksDocument.with("same", TestKeys.EC.getPublic())
                .add("same", TestKeys.RSA.getPublic()));
        assertThat(keys.get("same").key()).isEqualTo(TestKeys.EC.getPublic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "[]", "{}", "{\"keys\":{}}", "{\"keys\":[]}", "{\"keys\":[1,\"a\",null]}",
            "{\"keys\":[]} trailing", "{\"keys\":[],\"keys\":[]}"})
    void refusesDocumentsWithoutUsableKeys(String json) {
        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JwksFetchException.class);
    }
}
