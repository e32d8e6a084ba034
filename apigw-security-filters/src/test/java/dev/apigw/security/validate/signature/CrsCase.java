package dev.apigw.security.validate.signature;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OWASP CRS regression case from {@code shared/corpora/crs/regression-cases.jsonl} (see the corpus README):
 * the request and whether the CRS rule is expected to fire on it.
 */
record CrsCase(String rule, String category, int test, int paranoiaLevel, boolean attack, String method, String uri,
               Map<String, String> headers, String data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<CrsCase> read(Path file) throws IOException {
        List<CrsCase> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                cases.add(of(JSON.readTree(line)));
            }
        }
        return cases;
    }

    private static CrsCase of(JsonNode n) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = n.get("headers");
        if (h != null && h.isObject()) {
            h.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        }
        return new CrsCase(n.get("rule").asString(), n.get("category").asString(), n.get("test").asInt(),
                n.get("paranoiaLevel").asInt(), "attack".equals(n.get("verdict").asString()),
                text(n, "method", "GET"), text(n, "uri", "/"), headers, text(n, "data", null));
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asString();
    }

    /** Our category for the CRS one: {@code protocol} is where CRS keeps CR/LF injection. */
    Category ourCategory() {
        return "protocol".equals(category) ? Category.CRLF : Category.fromConfigName(category);
    }

    String contentType() {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("Content-Type")) {
                return e.getValue();
            }
        }
        return "";
    }
}
