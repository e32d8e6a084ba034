package dev.apigw.security.lint;

import dev.apigw.security.audit.AuditSettings;
import dev.apigw.security.auth.apikey.ApiKeyAuthenticator;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules about the audit log: credentials must never reach it. */
final class AuditChecks {

    private AuditChecks() {
    }

    static void redactionMissing(Subject s, Hits hits) {
        JsonNode listed = s.at("/audit/redactHeaders");
        Set<String> redacted = new HashSet<>();
        if (listed.isArray()) {
            listed.forEach(h -> redacted.add(h.asString().toLowerCase(Locale.ROOT)));
        } else {
            redacted.addAll(AuditSettings.DEFAULTS.redactHeaders());
        }
        List<String> credentials = new ArrayList<>(List.of("Authorization"));
        if (s.at("/authentication/apiKeys").isObject()) {
            JsonNode header = s.at("/authentication/apiKeys/header");
            credentials.add(header.isString() ? header.stringValue() : ApiKeyAuthenticator.DEFAULT_HEADER);
        }
        List<String> missing = credentials.stream().filter(h -> !redacted.contains(h.toLowerCase(Locale.ROOT)))
                .toList();
        if (!missing.isEmpty()) {
            hits.add(listed.isArray() ? "/audit/redactHeaders" : "/audit", "the audit log does not redact "
                    + String.join(" or ", missing));
        }
    }
}
