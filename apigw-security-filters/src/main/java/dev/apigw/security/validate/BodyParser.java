package dev.apigw.security.validate;

import dev.apigw.security.RequestBody;

import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link RequestBody} into a {@link ParsedBody} by its media type, under the {@code validation} settings:
 * one instance per chain, shared by every control that reads bodies so that all of them see one parse.
 */
public final class BodyParser {

    private final long maxBodySize;
    private final JsonTreeReader json;

    public BodyParser(ValidationSettings settings) {
        this.maxBodySize = settings.maxBodySize();
        this.json = new JsonTreeReader(settings.json());
    }

    /** Parses a body sent with the given {@code Content-Type} header ({@code null} when absent). */
    public ParsedBody parse(RequestBody body, String contentType) {
        switch (body.status()) {
            case TOO_LARGE:
                return new ParsedBody.Refused(ValidationProblems.bodyTooLarge(maxBodySize, body.detail()));
            case UNREADABLE:
                return new ParsedBody.Refused(ValidationProblems.invalid("body", "", "could not be read")
                        .withInternalNote("body " + body.detail()));
            default:
                break;
        }
        if (body.isEmpty()) {
            return new ParsedBody.None();
        }
        MediaType type = MediaType.parse(contentType);
        if (type != null && type.isJson()) {
            try {
                return new ParsedBody.Json(json.read(body.open()));
            } catch (InvalidJsonException e) {
                return new ParsedBody.Refused(ValidationProblems.invalid("body", e.pointer(), e.getMessage()));
            }
        }
        if (type != null && type.isForm()) {
            return new ParsedBody.Form(UrlEncoded.parse(new String(body.toByteArray(), StandardCharsets.UTF_8)));
        }
        return new ParsedBody.Raw(type);
    }

    /** Reads a JSON text within the limits; for {@link JsonBodyValidator}. */
    JsonNode readJson(InputStream in) throws InvalidJsonException {
        return json.read(in);
    }
}
