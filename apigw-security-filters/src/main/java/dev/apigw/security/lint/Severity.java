package dev.apigw.security.lint;

import java.util.Locale;

/**
 * How bad a finding is. {@link #HIGH}: the setting leaves the API open to a client or an attacker on the network as it
 * stands (a linter run fails on it). {@link #MEDIUM}: a missing layer of defence that an attack would meet.
 * {@link #LOW}: worth a look, often deliberate.
 */
public enum Severity {
    HIGH, MEDIUM, LOW;

    /** The lower-case name, as the text and JSON output write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
