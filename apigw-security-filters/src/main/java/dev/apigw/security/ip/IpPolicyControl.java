package dev.apigw.security.ip;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Refuses clients whose address an {@link IpPolicy} does not allow: 403 {@code ip_denied} (CONTRACT §4).
 *
 * <p>Deny wins over allow. An unknown client (CONTRACT §4 "Client address") matches no rule: it passes a policy with
 * only deny rules and fails one with allow rules, since nothing shows it belongs to an allowed network. The client is
 * told only that its address is not allowed; which rule decided goes to the internal note. One instance serves one
 * place, the global policy or one route's.
 */
public final class IpPolicyControl implements SecurityControl {

    private static final Problem DENIED = Problem.of(403, "ip_denied",
            "Your network address is not allowed to call this API.");

    private final IpPolicy policy;

    /** A control enforcing the policy. */
    public IpPolicyControl(IpPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        ClientAddress client = exchange.clientAddress();
        InetAddress address = client == null ? null : client.address();
        Cidr denied = policy.deny().match(address);
        if (denied != null) {
            return reject("client " + client.text() + " matches deny rule " + denied);
        }
        if (policy.allow().isEmpty() || policy.allow().contains(address)) {
            return Decision.proceed();
        }
        String who = address == null ? "unknown client" : "client " + client.text();
        return reject(who + " matches none of the " + policy.allow().ranges().size() + " allow rules");
    }

    /** The policy this control enforces. */
    public IpPolicy policy() {
        return policy;
    }

    private static Decision reject(String note) {
        return Decision.reject(DENIED.withInternalNote(note));
    }
}
