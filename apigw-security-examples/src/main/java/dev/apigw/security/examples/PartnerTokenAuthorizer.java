package dev.apigw.security.examples;

import dev.apigw.security.CustomAuthorizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * An example custom authorizer: partners send a static token in {@code X-Partner-Token}; a known token is allowed as
 * its partner, with the partner's scopes and tier, anything else is denied.
 *
 * <p>It keeps only the SHA-256 of each token, never the token, so that a heap dump or a leaked source file reveals
 * none; looking up by hash also means no comparison of secret bytes that could leak timing. A real plugin would read
 * its table from a database or a secret store. docs/authorizers.md walks through it.
 */
public final class PartnerTokenAuthorizer implements CustomAuthorizer {

    /** The identity source this authorizer reads, as written in the configuration. */
    public static final String TOKEN_SOURCE = "header:X-Partner-Token";

    private record Partner(String principal, Set<String> scopes, String tier) {
    }

    /** SHA-256 of the demo's token {@code demo-partner-token} (printed by the demo, never used in production). */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "1dadeac5e7b1c964057e5bafb6559b2499c58f18f4ae1db70ab9ca6af91adbab",
            new Partner("partner-demo", Set.of("pets:read"), "gold"));

    /** The public no-argument constructor the library instantiates the class with. */
    public PartnerTokenAuthorizer() {
    }

    @Override
    public Answer authorize(Request request) throws NoSuchAlgorithmException {
        String token = request.identitySources().get(TOKEN_SOURCE);
        if (token == null) {
            return Answer.deny();
        }
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        Partner partner = PARTNERS.get(HexFormat.of().formatHex(hash));
        if (partner == null) {
            return Answer.deny();
        }
        return Answer.allow(partner.principal(), partner.scopes(), Map.of("tier", partner.tier()));
    }
}
