package dev.apigw.security.validate;

import dev.apigw.security.Problem;
import dev.apigw.security.RequestView;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The media types a route accepts for a request body (415 {@code unsupported_media_type} otherwise), and the charset:
 * JSON and form bodies are decoded as UTF-8 only (RFC 8259 §8.1; WHATWG URL §5.1), so another declared charset is
 * refused rather than misread.
 *
 * <p>Only requests that carry a body are checked: a {@code Content-Length} above zero, a {@code Transfer-Encoding},
 * or, where neither is sent (HTTP/2), a {@code Content-Type}.
 *
 * @param allowed   the accepted types, {@code *} allowed as a subtype; empty for any
 * @param parsedOnly whether the body must be JSON or a form, because the route has a body schema
 */
record ContentTypeRule(List<MediaType> allowed, boolean parsedOnly) {

    static final String JSON_OR_FORM = "This endpoint accepts a JSON body (application/json) or a form"
            + " (application/x-www-form-urlencoded).";

    ContentTypeRule {
        allowed = List.copyOf(allowed);
    }

    /** The refusal of this request, or {@code null} where its body's type is accepted or it has no body. */
    Problem check(RequestView request) {
        if (!declaresBody(request)) {
            return null;
        }
        MediaType type = MediaType.parse(request.header("Content-Type"));
        if (type == null) {
            return ValidationProblems.unsupportedMediaType("Send a Content-Type header naming " + expected() + ".");
        }
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> a.includes(type))) {
            return ValidationProblems.unsupportedMediaType("This endpoint accepts " + expected() + ".");
        }
        if (parsedOnly && !type.isJson() && !type.isForm()) {
            return ValidationProblems.unsupportedMediaType(JSON_OR_FORM);
        }
        if ((type.isJson() || type.isForm()) && !type.utf8OrUnstated()) {
            return ValidationProblems.unsupportedMediaType("Send the body in UTF-8 (charset=utf-8, or no charset).");
        }
        return null;
    }

    private String expected() {
        if (allowed.isEmpty()) {
            return "application/json";
        }
        return allowed.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }

    static boolean declaresBody(RequestView request) {
        String length = request.header("Content-Length");
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.header("Transfer-Encoding") != null || request.header("Content-Type") != null;
    }
}
