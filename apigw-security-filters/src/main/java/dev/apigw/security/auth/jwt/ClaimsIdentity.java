package dev.apigw.security.auth.jwt;

import dev.apigw.security.Identity;
import io.jsonwebtoken.Claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Identity} of a verified token: {@code sub} as the principal, scopes and groups from the configured
 * claims, and the claims themselves.
 *
 * <p>A scope or group claim may be a space-separated string ({@code scope}, RFC 8693 §4.2) or an array of strings
 * ({@code scp}, {@code cognito:groups}); other values are ignored. The claims are copied into immutable plain values
 * (dates as epoch seconds, arrays as lists) so the identity stays immutable and serialisable; their size is bounded
 * by the token length limit and their depth by the JSON reader.
 */
final class ClaimsIdentity {

    private final List<String> scopeClaims;
    private final List<String> groupClaims;

    ClaimsIdentity(JwtSettings settings) {
        this.scopeClaims = settings.scopeClaims();
        this.groupClaims = settings.groupClaims();
    }

    Identity of(Claims claims) {
        return Identity.builder(claims.getSubject(), "jwt")
                .scopes(values(claims, scopeClaims))
                .groups(values(claims, groupClaims))
                .claims(plain(claims))
                .build();
    }

    private static Set<String> values(Claims claims, List<String> names) {
        Set<String> values = new LinkedHashSet<>();
        for (String name : names) {
            Object value = claims.get(name);
            if (value instanceof String text) {
                for (String part : text.split(" ")) {
                    if (!part.isEmpty()) {
                        values.add(part);
                    }
                }
            } else if (value instanceof Collection<?> list) {
                list.stream().filter(v -> v instanceof String s && !s.isBlank()).forEach(v -> values.add((String) v));
            }
        }
        return values;
    }

    private static Map<String, Object> plain(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object value = plainValue(v);
            if (k != null && value != null) {
                copy.put(k, value);
            }
        });
        return copy;
    }

    private static Object plainValue(Object value) {
        if (value instanceof Date date) {
            return date.getTime() / 1000;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return Map.copyOf(plain(copy));
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> {
                Object item = plainValue(v);
                if (item != null) {
                    copy.add(item);
                }
            });
            return List.copyOf(copy);
        }
        return value;
    }
}
