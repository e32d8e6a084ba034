package dev.apigw.security.config;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Chooses a stage of the configuration file and merges it over the base, as a JSON Merge Patch (RFC 7396).
 *
 * <p>Objects merge key by key, recursively; lists and scalars replace (a stage that lists two routes has two
 * routes, not the base's plus two); {@code null} removes a key, so a stage can switch a base section off. The
 * {@code stages} key never reaches the result. Without a stage the base is used as it is.
 */
final class StageOverlay {

    private StageOverlay() {
    }

    /**
     * @param root  the whole file, already checked against the schema, so {@code stages} is an object of objects
     * @param stage the stage to apply, or empty for the base alone
     * @return the same root, changed in place
     * @throws ConfigException when the stage is not in the file, listing the stages that are
     */
    static ObjectNode apply(ObjectNode root, Optional<String> stage) {
        JsonNode stages = root.remove("stages");
        if (stage.isEmpty()) {
            return root;
        }
        String name = stage.get();
        JsonNode overlay = stages == null ? null : stages.get(name);
        if (!(overlay instanceof ObjectNode patch)) {
            throw new ConfigException("/stages", "unknown stage " + Quoted.of(name) + available(stages, name));
        }
        merge(root, patch);
        return root;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (String key : List.copyOf(patch.propertyNames())) {
            JsonNode value = patch.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value instanceof ObjectNode object && target.get(key) instanceof ObjectNode existing) {
                merge(existing, object);
            } else if (value instanceof ObjectNode object) {
                target.set(key, withoutNulls(object.deepCopy()));
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    /** RFC 7396: a patch object that lands where there was nothing is applied to an empty object. */
    private static ObjectNode withoutNulls(ObjectNode object) {
        for (String key : List.copyOf(object.propertyNames())) {
            JsonNode value = object.get(key);
            if (value.isNull()) {
                object.remove(key);
            } else if (value instanceof ObjectNode child) {
                withoutNulls(child);
            }
        }
        return object;
    }

    private static String available(JsonNode stages, String name) {
        if (stages == null || stages.isEmpty()) {
            return " (the file defines no stages)";
        }
        List<String> names = List.copyOf(stages.propertyNames());
        String suggestion = ClosestMatch.among(name, names).map(s -> "did you mean " + Quoted.of(s) + "? ").orElse("");
        return " (" + suggestion + "stages: " + String.join(", ", names) + ")";
    }
}
