package dev.apigw.security.lint;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules about secrets: where they are written, and how strong they are. Never prints a secret. */
final class SecretChecks {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(secret|password|passwd|token|credential).*|.*key");
    // user:password@ in a URL, or a password-like query parameter (JDBC URLs carry ?password=...)
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile(
            "(?i)^[a-z][a-z0-9+.:-]*://[^/@\\s]*:[^/@\\s]+@.*|.*[?&;](password|secret|token|apikey|api_key)=[^&;]+.*");
    private static final int MIN_HMAC_BITS = 256;

    private SecretChecks() {
    }

    static void inlineSecret(Subject s, Hits hits) {
        walk(s, s.tree(), "", hits);
    }

    private static void walk(Subject s, JsonNode node, String pointer, Hits hits) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = Subject.child(pointer, e.getKey());
            JsonNode value = e.getValue();
            if (value.isObject()) {
                walk(s, value, at, hits);
            } else if (value.isString() && !value.stringValue().isEmpty() && !s.fromPlaceholder(at)) {
                if (SECRET_NAME.matcher(e.getKey().toLowerCase(Locale.ROOT)).matches()) {
                    hits.add(at, e.getKey() + " is written inline in the file");
                } else if (CREDENTIALS_IN_URL.matcher(value.stringValue()).matches()) {
                    hits.add(at, e.getKey() + " holds a password inline in the URL");
                }
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        walk(s, value.get(i), at + "/" + i, hits);
                    }
                }
            }
        }
    }

    static void hsSecretTooShort(Subject s, Hits hits) {
        String pointer = "/authentication/jwt/secret";
        s.text(pointer).ifPresent(secret -> {
            int bits = secret.getBytes(StandardCharsets.UTF_8).length * 8;
            int needed = neededBits(s.at("/authentication/jwt/algorithms"));
            if (bits < needed) {
                hits.add(pointer, "the HMAC secret has " + bits + " bits; the algorithms listed need at least "
                        + needed);
            }
        });
    }

    /** RFC 7518 §3.2: a key at least as long as the hash, and never under 256 bits. */
    private static int neededBits(JsonNode algorithms) {
        int needed = MIN_HMAC_BITS;
        for (JsonNode a : algorithms) {
            String name = a.asString();
            if (name.startsWith("HS")) {
                needed = Math.max(needed, Integer.parseInt(name.substring(2)));
            }
        }
        return needed;
    }

    static void jwtWithoutAudience(Subject s, Hits hits) {
        JsonNode jwt = s.at("/authentication/jwt");
        if (jwt.isObject() && jwt.path("audiences").isEmpty()) {
            hits.add("/authentication/jwt", "no audiences: a token the issuer made for any other application is"
                    + " accepted here");
        }
    }
}
