package dev.apigw.security.validate;

import java.util.Objects;

/**
 * The {@code validation} section: the size limits every request meets and the limits every JSON body meets.
 *
 * <p>Secure by default: without the section a request may carry 1 MiB of body and 16 KiB of headers, and a JSON
 * body is held to {@link JsonLimits#DEFAULTS}.
 *
 * @param maxBodySize   the largest request body in bytes; larger ones are refused with 413 while they are read
 * @param maxHeaderSize the largest total of header names and values in characters, as the container hands them over;
 *                      more is refused with 431
 * @param json          the limits of JSON bodies, checked while parsing and before any schema
 */
public record ValidationSettings(long maxBodySize, long maxHeaderSize, JsonLimits json) {

    /** 1 MiB of body, 16 KiB of headers, {@link JsonLimits#DEFAULTS}. */
    public static final ValidationSettings DEFAULTS = new ValidationSettings(1024 * 1024, 16 * 1024, JsonLimits.DEFAULTS);

    public ValidationSettings {
        if (maxBodySize < 0 || maxHeaderSize < 1) {
            throw new IllegalArgumentException("maxBodySize must be 0 or more and maxHeaderSize 1 or more");
        }
        Objects.requireNonNull(json, "json");
    }

    /** These settings with another body limit. */
    public ValidationSettings withMaxBodySize(long bytes) {
        return new ValidationSettings(bytes, maxHeaderSize, json);
    }

    /** These settings with another header limit. */
    public ValidationSettings withMaxHeaderSize(long characters) {
        return new ValidationSettings(maxBodySize, characters, json);
    }

    /** These settings with other JSON limits. */
    public ValidationSettings withJson(JsonLimits limits) {
        return new ValidationSettings(maxBodySize, maxHeaderSize, limits);
    }
}
