package dev.apigw.security.validate.signature;

import java.util.Objects;

/**
 * One string of a request body handed to the scanner: a JSON string or member name with its JSON pointer
 * (RFC 6901), or a form field's value or name with the field's name.
 *
 * <p>Whoever parses the body passes every string it finds, names included, because an attacker controls both. A form
 * field's name is an identifier and is held to that stricter standard ({@link #name}); a JSON member name is passed as
 * a value, because JSON objects are also maps keyed by free text (translations, labels). The field is what per-route
 * exclusions match against.
 *
 * @param field the JSON pointer ({@code /pets/0/name}) or the form parameter name
 * @param value the decoded string
 * @param name  whether the string is a form field's name rather than a value
 */
public record BodyValue(String field, String value, boolean name) {

    public BodyValue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }

    /** A string value: a JSON string or member name, or a form field's value. */
    public BodyValue(String field, String value) {
        this(field, value, false);
    }

    /**
     * A form field's name.
     *
     * @param field the form field's name, as exclusions name it
     * @param name  the name as sent
     */
    public static BodyValue name(String field, String name) {
        return new BodyValue(field, name, true);
    }
}
