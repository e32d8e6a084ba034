package dev.apigw.security.chain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The controls a {@link SecurityChain} can run, so an application can register only some of them (the IP policy
 * alone, say). Their order in a request is always that of CONTRACT §2, whatever order they are named in.
 */
public enum ControlKind {
    /** HTTPS enforcement, HSTS and secrets in the query string. */
    TRANSPORT("transport"),
    /** The global and per-route IP policies. */
    IP_POLICY("ipPolicy"),
    /** CORS (Fetch §3.2): preflights answered, actual requests from origins that are not allowed refused. */
    CORS("cors"),
    /** Route enforcement ({@code route_not_found}), authentication and authorization. */
    AUTHENTICATION("authentication");

    private final String configName;

    ControlKind(String configName) {
        this.configName = configName;
    }

    /** The name used in a filter's {@code controls} init-parameter. */
    public String configName() {
        return configName;
    }

    /** Every control. */
    public static Set<ControlKind> all() {
        return EnumSet.allOf(ControlKind.class);
    }

    /** Parses a comma-separated list such as {@code ipPolicy,transport}. */
    public static Set<ControlKind> parseList(String list) {
        Set<ControlKind> kinds = EnumSet.noneOf(ControlKind.class);
        for (String part : list.split(",")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                kinds.add(byName(name));
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("controls is empty; name at least one of " + names());
        }
        return kinds;
    }

    private static ControlKind byName(String name) {
        for (ControlKind k : values()) {
            if (k.configName.equalsIgnoreCase(name) || k.name().equals(name.toUpperCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown control \"" + name + "\" (write one of " + names() + ")");
    }

    private static String names() {
        StringBuilder sb = new StringBuilder();
        for (ControlKind k : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k.configName);
        }
        return sb.toString();
    }
}
