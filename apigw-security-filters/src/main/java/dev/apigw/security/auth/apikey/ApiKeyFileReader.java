package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the API key file of CONTRACT §3, {@code {"keys":[{"id","hash","plan","principal","scopes","expiresAt",
 * "revoked"}]}}, strictly: an unknown or repeated field, a wrong type, a hash that is not {@code sha256:} and 64 hex
 * digits, or an id or hash used twice stops the read with the JSON pointer of the bad node.
 *
 * <p>Strict because a typo must never turn into a silently different key: {@code "revokd": true} would otherwise
 * leave a key working. Messages name the node and the rule, never its value, since a value may be a hash (or a key
 * pasted by mistake) and the message goes to logs.
 */
final class ApiKeyFileReader {

    static final int MAX_BYTES = 32 * 1024 * 1024;
    private static final List<String> FIELDS =
            List.of("id", "hash", "plan", "principal", "scopes", "expiresAt", "revoked");
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[0-9]{1,9}|[A-Za-z_$][A-Za-z0-9_$-]{0,31}");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;

    ApiKeyFileReader(String source) {
        this.source = source;
    }

    List<StoredKey> read(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw error("", "the file is larger than 32 MiB");
        }
        JsonNode root = tree(json);
        if (root == null || !root.isObject()) {
            throw error("", "the file must hold one JSON object, {\"keys\": [...]}");
        }
        for (String name : root.propertyNames()) {
            if (!name.equals("keys")) {
                throw error("/" + segment(name), "unknown field; the only field at the top is keys");
            }
        }
        JsonNode keys = root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw error("/keys", "keys must be an array of keys, [] when there are none");
        }
        List<StoredKey> out = new ArrayList<>(keys.size());
        Map<String, String> ids = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String at = "/keys/" + i;
            StoredKey key = entry(keys.get(i), at);
            String firstId = ids.putIfAbsent(key.id(), at);
            if (firstId != null) {
                throw error(at + "/id", "the id is already used at " + firstId + "; ids must be unique");
            }
            String firstHash = hashes.putIfAbsent(KeyHash.hex(key.sha256()), at);
            if (firstHash != null) {
                throw error(at + "/hash", "the hash is already used at " + firstHash + "; one key, one entry");
            }
            out.add(key);
        }
        return out;
    }

    private JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            String pointer = e.processor() instanceof JsonParser parser
                    ? safe(parser.streamReadContext().pathAsPointer().toString()) : "";
            String message = String.valueOf(e.getOriginalMessage());
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            // Jackson's own message may quote the bad token, which may be a hash or a key: only its kind is kept.
            throw error(pointer, message.startsWith("Duplicate") ? "the field appears twice" + where
                    : "not valid JSON" + where);
        }
    }

    private StoredKey entry(JsonNode node, String at) {
        if (!node.isObject()) {
            throw error(at, "each key must be an object with id, hash, plan and principal");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw error(at + "/" + segment(name), "unknown field; the fields are " + String.join(", ", FIELDS));
            }
        }
        String id = field(node, "id", at, KeyFields::problemWithId);
        byte[] hash = KeyHash.parse(field(node, "hash", at, text -> null));
        if (hash == null) {
            throw error(at + "/hash", "hash must be \"sha256:\" followed by the 64 hex digits of the key's SHA-256");
        }
        String plan = field(node, "plan", at, KeyFields::problemWithPlan);
        String principal = field(node, "principal", at, KeyFields::problemWithPrincipal);
        return new StoredKey(id, hash, plan, principal, scopes(node.get("scopes"), at + "/scopes"),
                expiresAt(node.get("expiresAt"), at + "/expiresAt"), revoked(node.get("revoked"), at + "/revoked"));
    }

    /** A required string field that passes its rule. */
    private String field(JsonNode entry, String name, String at, UnaryOperator<String> rule) {
        JsonNode value = entry.get(name);
        if (value == null) {
            throw error(at, "missing field " + name + "; id, hash, plan and principal are required");
        }
        String problem = value.isString() ? rule.apply(value.stringValue()) : name + " must be a string";
        if (problem != null) {
            throw error(at + "/" + name, problem);
        }
        return value.stringValue();
    }

    private List<String> scopes(JsonNode node, String at) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(at, "scopes must be an array of strings, [] for none");
        }
        List<String> scopes = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode scope = node.get(i);
            String problem = scope.isString() ? KeyFields.problemWithScope(scope.stringValue())
                    : "a scope must be a string";
            if (problem != null) {
                throw error(at + "/" + i, problem);
            }
            scopes.add(scope.stringValue());
        }
        return scopes;
    }

    private Instant expiresAt(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isString()) {
                return OffsetDateTime.parse(node.stringValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below, without the text
        }
        throw error(at, "expiresAt must be an RFC 3339 date-time such as 2027-01-01T00:00:00Z, or null for never");
    }

    private boolean revoked(JsonNode node, String at) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw error(at, "revoked must be true or false");
        }
        return node.booleanValue();
    }

    private ApiKeyFileException error(String pointer, String problem) {
        return new ApiKeyFileException(source, pointer, problem);
    }

    /**
     * A field name as a pointer segment, hidden unless it is an index or a short plain name: names are the file
     * author's, but a key or hash pasted in the wrong place must not reach the log through the error.
     */
    private static String segment(String name) {
        return PLAIN_SEGMENT.matcher(name).matches() ? name : "(name hidden)";
    }

    /** Jackson's pointer (already escaped per RFC 6901 §3), each segment as {@link #segment} shows it. */
    private static String safe(String pointer) {
        String[] segments = pointer.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            segments[i] = segment(segments[i]);
        }
        return String.join("/", segments);
    }
}
