package dev.apigw.security.audit;

/**
 * Names the security event of a rejection after its reason, grouping the reasons a security team reads as one kind
 * of thing (every failed credential is an {@code authentication_failed}).
 */
public final class SecurityEventTypes {

    private SecurityEventTypes() {
    }

    /** The event type for a rejection reason of CONTRACT §4. */
    public static String forReason(String reason) {
        return switch (reason) {
            case "unauthenticated", "invalid_credentials" -> "authentication_failed";
            case "insufficient_scope", "authorizer_denied" -> "access_denied";
            case "authorizer_failed", "throttling_unavailable" -> "dependency_failed";
            default -> reason;
        };
    }
}
