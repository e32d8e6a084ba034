package dev.apigw.security.validate.signature;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A family of attack signatures, named as in CONTRACT §3 {@code attackSignatures.categories}.
 */
public enum Category {
    /** SQL (and NoSQL operator) injection. */
    SQLI("sqli"),
    /** Cross-site scripting: markup, event handlers, script URLs and script sinks. */
    XSS("xss"),
    /** Path traversal and requests for well-known sensitive files. */
    TRAVERSAL("traversal"),
    /** Operating-system command injection (POSIX shells and Windows cmd / PowerShell). */
    CMDI("cmdi"),
    /** CR/LF injection: header injection, response splitting and smuggled request lines. */
    CRLF("crlf");

    private final String configName;

    Category(String configName) {
        this.configName = configName;
    }

    /** The name used in the configuration file, for example {@code sqli}. */
    public String configName() {
        return configName;
    }

    /** Every category. */
    public static Set<Category> all() {
        return EnumSet.allOf(Category.class);
    }

    /**
     * The category with this configuration name.
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static Category fromConfigName(String name) {
        for (Category c : values()) {
            if (c.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown attack signature category \"" + name
                + "\" (write one of sqli, xss, traversal, cmdi, crlf)");
    }
}
