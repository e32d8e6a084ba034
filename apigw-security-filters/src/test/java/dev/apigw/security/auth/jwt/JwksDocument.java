package dev.apigw.security.auth.jwt;

import io.jsonwebtoken.security.Jwks;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes JWK set documents for tests. */
final class JwksDocument {

    private final List<Map<String, Object>> keys = new ArrayList<>();

    static JwksDocument with(String kid, PublicKey key) {
        return new JwksDocument().add(kid, key);
    }

    JwksDocument add(String kid, PublicKey key) {
        return add(kid, key, Map.of());
    }

    JwksDocument add(String kid, PublicKey key, Map<String, Object> extra) {
        Map<String, Object> jwk = new LinkedHashMap<>(Jwks.builder().key(key).id(kid).build());
        jwk.putAll(extra);
        keys.add(jwk);
        return this;
    }

    JwksDocument addRaw(Map<String, Object> jwk) {
        keys.add(jwk);
        return this;
    }

    String json() {
        return new String(new JwtJson().write(Map.of("keys", keys)), StandardCharsets.UTF_8);
    }
}
