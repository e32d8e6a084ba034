package dev.apigw.security.config;

import tools.jackson.databind.JsonNode;

/**
 * A schema error already turned into words, with what the loader needs to decide whether it counts yet: the
 * offending node and whether it is about a key being present or absent.
 *
 * @param pointer where the offending node is
 * @param instance the offending node
 * @param message what is wrong and what would be right
 * @param aboutPresence a missing key, or a rule over which keys appear together: stage overlays are partial, so
 *                      such errors are only meaningful after the merge
 */
record Violation(String pointer, JsonNode instance, String message, boolean aboutPresence) {

    ConfigError error() {
        return new ConfigError(pointer, message);
    }
}
