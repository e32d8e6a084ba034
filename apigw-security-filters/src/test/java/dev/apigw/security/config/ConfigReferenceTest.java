package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates docs/configuration-reference.md from the published JSON Schema, so the reference cannot drift from what
 * the loader accepts. When the schema changes, this test rewrites the file and fails once, asking for a commit.
 */
class ConfigReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "configuration-reference.md");

    @Test
    void referenceMatchesTheSchema() throws Exception {
        JsonNode schema;
        try (InputStream in = ConfigReferenceTest.class.getResourceAsStream(
                "/dev/apigw/security/config/apigw-config.schema.json")) {
            schema = JsonMapper.builder().build().readTree(in);
        }
        String generated = new ReferenceWriter(schema).write();
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("docs/configuration-reference.md was out of date and has been regenerated; commit it")
                .isEqualTo(generated);
    }

    /** Walks the schema from the root and writes one table row per key. */
    private static final class ReferenceWriter {
        private final JsonNode schema;
        private final StringBuilder out = new StringBuilder();

        ReferenceWriter(JsonNode schema) {
            this.schema = schema;
        }

        String write() {
            out.append("# Configuration reference\n\n")
                    .append("Generated from `apigw-config.schema.json` by `ConfigReferenceTest`; do not edit by hand.\n")
                    .append("Every object refuses unknown keys. `stages.<name>` takes any top-level section except\n")
                    .append("`version` and `stages`, deep-merged over the base (objects merge, lists and scalars replace,\n")
                    .append("`null` removes a key).\n\n")
                    .append("| key | value | notes |\n|---|---|---|\n");
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                if (!p.getKey().equals("stages")) {
                    row(p.getKey(), p.getValue(), 0);
                }
            }
            out.append("| `stages.<name>` | object | a stage: sections to merge over the base |\n");
            return out.toString();
        }

        private void row(String key, JsonNode node, int depth) {
            JsonNode resolved = resolve(node);
            String ref = node.has("$ref") ? node.get("$ref").asString().replace("#/$defs/", "") : null;
            out.append("| `").append(key).append("` | ").append(value(node, resolved, ref)).append(" | ")
                    .append(escape(notes(node, resolved))).append(" |\n");
            if (depth > 6) {
                return;
            }
            JsonNode props = resolved.get("properties");
            if (props != null && isObject(resolved)) {
                for (Map.Entry<String, JsonNode> p : props.properties()) {
                    row(key + "." + p.getKey(), p.getValue(), depth + 1);
                }
            }
            JsonNode items = resolved.get("items");
            if (items != null && isObject(resolve(items)) && resolve(items).has("properties")) {
                for (Map.Entry<String, JsonNode> p : resolve(items).get("properties").properties()) {
                    row(key + "[]." + p.getKey(), p.getValue(), depth + 1);
                }
            }
            JsonNode additional = resolved.get("additionalProperties");
            if (additional != null && additional.isObject() && isObject(resolve(additional))
                    && resolve(additional).has("properties")) {
                for (Map.Entry<String, JsonNode> p : resolve(additional).get("properties").properties()) {
                    row(key + ".<name>." + p.getKey(), p.getValue(), depth + 1);
                }
            }
        }

        private JsonNode resolve(JsonNode node) {
            JsonNode n = node;
            for (int i = 0; i < 5 && n.has("$ref"); i++) {
                n = schema.get("$defs").get(n.get("$ref").asString().replace("#/$defs/", ""));
            }
            return n;
        }

        private static boolean isObject(JsonNode n) {
            return n.has("type") && n.get("type").isString() && n.get("type").asString().equals("object");
        }

        private String value(JsonNode node, JsonNode resolved, String ref) {
            if (resolved.has("const")) {
                return "`" + resolved.get("const").asString() + "`";
            }
            if (resolved.has("enum")) {
                List<String> values = new ArrayList<>();
                resolved.get("enum").forEach(v -> values.add(v.asString()));
                return "one of " + String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
            }
            if (resolved.has("oneOf") && ref != null) {
                return ref;
            }
            String type = resolved.has("type") ? resolved.get("type").toString().replace("\"", "") : "see notes";
            if (type.equals("array") && resolved.has("items")) {
                JsonNode items = resolved.get("items");
                String itemRef = items.has("$ref") ? items.get("$ref").asString().replace("#/$defs/", "") : null;
                return "list of " + (itemRef != null ? itemRef : resolve(items).has("type")
                        ? resolve(items).get("type").toString().replace("\"", "") : "values");
            }
            return ref != null && !isObject(resolved) ? ref : type;
        }

        private static String notes(JsonNode node, JsonNode resolved) {
            List<String> parts = new ArrayList<>();
            for (JsonNode n : List.of(node, resolved)) {
                for (String k : List.of("description", "x-hint", "x-rule")) {
                    if (n.has(k) && !parts.contains(n.get(k).asString())) {
                        parts.add(n.get(k).asString());
                    }
                }
            }
            return String.join("; ", parts);
        }

        private static String escape(String s) {
            return s.replace("|", "\\|").replace("\n", " ");
        }
    }
}
