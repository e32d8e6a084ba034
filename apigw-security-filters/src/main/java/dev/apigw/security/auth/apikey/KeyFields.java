package dev.apigw.security.auth.apikey;

import java.util.regex.Pattern;

/**
 * The rules every stored key's fields follow, shared by the file reader (which reports a JSON pointer) and the file
 * model (which throws): each check answers what is wrong, or {@code null}.
 *
 * <p>Ids, plans and scopes land in audit records and logs, so they are restricted to printable ASCII without spaces;
 * the principal may be any printable text but no control character, so it can never break a log line.
 */
final class KeyFields {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern PLAN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    // RFC 6749 §3.3 scope-token: %x21 / %x23-5B / %x5D-7E
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}");

    private KeyFields() {
    }

    static String problemWithId(String id) {
        return id != null && ID.matcher(id).matches() ? null
                : "id must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    }

    static String problemWithPlan(String plan) {
        return plan != null && PLAN.matcher(plan).matches() ? null
                : "plan must name a usage plan: 1 to 64 letters, digits, '.', '_' or '-'";
    }

    static String problemWithPrincipal(String principal) {
        if (principal == null || principal.isBlank() || principal.length() > 256) {
            return "principal must be 1 to 256 characters, not blank";
        }
        return principal.chars().anyMatch(Character::isISOControl) ? "principal must not hold control characters"
                : null;
    }

    static String problemWithScope(String scope) {
        return scope != null && SCOPE.matcher(scope).matches() ? null
                : "a scope must be 1 to 256 visible characters without spaces, '\"' or '\\' (RFC 6749 §3.3)";
    }
}
