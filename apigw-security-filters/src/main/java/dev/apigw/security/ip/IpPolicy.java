package dev.apigw.security.ip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which source addresses may call: allow and deny lists of CIDR ranges, like a resource policy on source addresses
 * (CONTRACT §3 {@code ipPolicy}).
 *
 * <p>A deny rule always wins over an allow rule; an empty allow list allows every address. Built by {@link #builder()},
 * which checks every range when {@link Builder#build()} is called, so a typo stops start-up instead of opening or
 * closing the API. Immutable.
 */
public final class IpPolicy {

    private static final IpPolicy ALLOW_ALL = new IpPolicy(CidrSet.empty(), CidrSet.empty());

    private final CidrSet allow;
    private final CidrSet deny;

    private IpPolicy(CidrSet allow, CidrSet deny) {
        this.allow = allow;
        this.deny = deny;
    }

    /** A builder with empty lists. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy that allows every address. */
    public static IpPolicy allowAll() {
        return ALLOW_ALL;
    }

    /** The allowed ranges; empty means every address. */
    public CidrSet allow() {
        return allow;
    }

    /** The denied ranges, which win over {@link #allow()}. */
    public CidrSet deny() {
        return deny;
    }

    @Override
    public String toString() {
        return "IpPolicy[allow=" + allow + ", deny=" + deny + "]";
    }

    /** Collects the ranges of an {@link IpPolicy}; not thread-safe. */
    public static final class Builder {

        private final List<String> allow = new ArrayList<>();
        private final List<String> deny = new ArrayList<>();

        private Builder() {
        }

        /** Adds allowed ranges ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or addresses. */
        public Builder allow(String... ranges) {
            allow.addAll(Arrays.asList(ranges));
            return this;
        }

        /** Adds denied ranges or addresses, which win over every allowed range. */
        public Builder deny(String... ranges) {
            deny.addAll(Arrays.asList(ranges));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException naming the list, the index and what is wrong, e.g.
         *                                  {@code allow[1]: 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?}
         */
        public IpPolicy build() {
            CidrSet allowed = parse("allow", allow);
            CidrSet denied = parse("deny", deny);
            return allowed.isEmpty() && denied.isEmpty() ? ALLOW_ALL : new IpPolicy(allowed, denied);
        }

        private static CidrSet parse(String list, List<String> ranges) {
            try {
                return CidrSet.parse(ranges);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(list + e.getMessage(), e);
            }
        }
    }
}
