package dev.apigw.security.validate.signature;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How one route checks attack signatures (CONTRACT §3 {@code validation.attackSignatures}): the mode, the categories
 * and the fields that legitimately carry markup or code and are therefore not scanned.
 *
 * <p>An excluded field is either a JSON pointer (RFC 6901, starting with {@code /}; a segment {@code *} stands for
 * any one segment, so {@code /items/*}{@code /html} covers every item's {@code html}, and a pointer also covers
 * everything below it) or a plain name, which covers the query parameter, form field, cookie and header (the latter
 * case-insensitively) of that name. Build with {@link #builder()}; immutable.
 *
 * @param mode           what a match does
 * @param categories     the categories checked; empty checks nothing
 * @param excludedFields JSON pointers and parameter names that are not scanned
 */
public record AttackSignatureSettings(Mode mode, Set<Category> categories, Set<String> excludedFields) {

    private static final AttackSignatureSettings DEFAULTS =
            new AttackSignatureSettings(Mode.BLOCK, Category.all(), Set.of());

    public AttackSignatureSettings {
        Objects.requireNonNull(mode, "mode");
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        excludedFields = Set.copyOf(new LinkedHashSet<>(excludedFields));
        excludedFields.forEach(AttackSignatureSettings::checkField);
    }

    /** Block on every category, nothing excluded: the contract's default. */
    public static AttackSignatureSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder starting from these settings, e.g. to add a route's exclusions to the global settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether anything is checked at all. */
    public boolean active() {
        return mode != Mode.OFF && !categories.isEmpty();
    }

    private static void checkField(String field) {
        if (field.isBlank()) {
            throw new IllegalArgumentException("an excluded field must not be blank; write a JSON pointer such as"
                    + " /description or a parameter name");
        }
        if (field.startsWith("/")) {
            for (int i = field.indexOf('~'); i >= 0; i = field.indexOf('~', i + 1)) {
                if (i + 1 >= field.length() || (field.charAt(i + 1) != '0' && field.charAt(i + 1) != '1')) {
                    throw new IllegalArgumentException("excluded field " + field + " is not a JSON pointer:"
                            + " ~ must be followed by 0 or 1 (RFC 6901 §3)");
                }
            }
        }
    }

    /** What a matching signature does. */
    public enum Mode {
        /** Refuse the request: 403 {@code attack_signature}. */
        BLOCK,
        /** Let the request through and log the match (category and location, never the value) at WARN. */
        LOG,
        /** Check nothing. */
        OFF;

        /** The name used in the configuration file: {@code block}, {@code log} or {@code off}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The mode with this configuration name.
         *
         * @throws IllegalArgumentException naming the valid names
         */
        public static Mode fromConfigName(String name) {
            for (Mode m : values()) {
                if (m.configName().equals(name.toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown attack signature mode \"" + name
                    + "\" (write block, log or off)");
        }
    }

    /** Collects {@link AttackSignatureSettings}; not thread-safe. */
    public static final class Builder {

        private Mode mode;
        private final Set<Category> categories;
        private final Set<String> excluded;

        private Builder(AttackSignatureSettings from) {
            this.mode = from.mode;
            this.categories = from.categories.isEmpty() ? EnumSet.noneOf(Category.class)
                    : EnumSet.copyOf(from.categories);
            this.excluded = new LinkedHashSet<>(from.excludedFields);
        }

        /** Sets the mode. */
        public Builder mode(Mode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** Replaces the categories. */
        public Builder categories(Category... values) {
            return categories(Arrays.asList(values));
        }

        /** Replaces the categories. */
        public Builder categories(Collection<Category> values) {
            categories.clear();
            categories.addAll(values);
            return this;
        }

        /** Adds excluded fields: JSON pointers ({@code /description}) or parameter names ({@code html}). */
        public Builder exclude(String... fields) {
            excluded.addAll(Arrays.asList(fields));
            return this;
        }

        /**
         * Builds the settings.
         *
         * @throws IllegalArgumentException naming an excluded field that is blank or not a JSON pointer
         */
        public AttackSignatureSettings build() {
            return new AttackSignatureSettings(mode, categories, excluded);
        }
    }
}
