package dev.apigw.security.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The flags of one sub-command ({@code --name value}), checked against the flags it knows.
 */
record CommandLine(Map<String, String> flags) {

    static CommandLine parse(String[] args, Set<String> known) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!known.contains(flag)) {
                throw new IllegalArgumentException("unknown option \"" + flag + "\" (known: " + String.join(", ", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            if (flags.put(flag, args[++i]) != null) {
                throw new IllegalArgumentException(flag + " is given twice");
            }
        }
        return new CommandLine(Map.copyOf(flags));
    }

    String get(String flag) {
        return flags.get(flag);
    }

    /** The flag's value; a usage error when it is missing. */
    String required(String flag) {
        String value = flags.get(flag);
        if (value == null) {
            throw new IllegalArgumentException(flag + " is required");
        }
        return value;
    }

    int intValue(String flag, int defaultValue, int min, int max) {
        String v = flags.get(flag);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(flag + " must be a number from " + min + " to " + max + ", not \"" + v + "\"");
    }
}
