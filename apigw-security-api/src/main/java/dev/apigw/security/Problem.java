package dev.apigw.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a request was refused, as the client will read it: the fields of an RFC 9457 problem document plus the
 * headers that go with it ({@code WWW-Authenticate}, {@code Retry-After}...).
 *
 * <p>{@code detail} is written for the client: it says what the client can act on and never repeats attacker input or
 * names the rule, key or address range that failed; that goes to the audit record through {@link #internalNote()}.
 *
 * @param status      the HTTP status
 * @param reason      the machine-readable reason of CONTRACT §4, e.g. {@code ip_denied}
 * @param title       a short human-readable summary of the reason
 * @param detail      what the client can do about it
 * @param headers     response headers to send with the problem, in order
 * @param errors      validation errors, empty for other reasons
 * @param internalNote what failed, for the audit record and DEBUG logs only; never sent to the client
 */
public record Problem(int status, String reason, String title, String detail, Map<String, String> headers,
                      List<ValidationError> errors, String internalNote) {

    /** The base of every problem {@code type} URI. */
    public static final String TYPE_BASE = "https://apigw.dev/problems/";

    public Problem {
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("a problem needs a 3xx, 4xx or 5xx status, not " + status);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        headers = Map.copyOf(headers);
        errors = List.copyOf(errors);
    }

    /** A problem without extra headers or errors; the title is derived from the reason. */
    public static Problem of(int status, String reason, String detail) {
        return new Problem(status, reason, titleOf(reason), detail, Map.of(), List.of(), null);
    }

    /** The {@code type} URI of this problem. */
    public String type() {
        return TYPE_BASE + reason;
    }

    /** This problem with one more response header. */
    public Problem withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Problem(status, reason, title, detail, copy, errors, internalNote);
    }

    /** This problem with validation errors. */
    public Problem withErrors(List<ValidationError> more) {
        List<ValidationError> copy = new ArrayList<>(errors);
        copy.addAll(more);
        return new Problem(status, reason, title, detail, headers, copy, internalNote);
    }

    /** This problem with a note for the audit record that the client never sees. */
    public Problem withInternalNote(String note) {
        return new Problem(status, reason, title, detail, headers, errors, note);
    }

    private static String titleOf(String reason) {
        String words = reason.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * One validation failure.
     *
     * @param location where: {@code body}, {@code query}, {@code path} or {@code header}
     * @param pointer  the JSON pointer (body) or parameter name
     * @param message  what is wrong, without echoing the value
     */
    public record ValidationError(String location, String pointer, String message) {
        public ValidationError {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(message, "message");
        }
    }
}
