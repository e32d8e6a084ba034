package dev.apigw.security.servlet;

import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.json.JsonLine;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a refusal as {@code application/problem+json} (RFC 9457 §3), the one place every rejection is rendered, and
 * a control's own answer ({@link Decision.Respond}, e.g. a preflight's 204) as a status and headers without a body.
 *
 * <p>Only the problem's own fields go out: the internal note never does, and the body is built with
 * {@link JsonLine}, so nothing a client sent can break out of a JSON string.
 */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static String body(Problem problem, String requestId) {
        JsonLine json = new JsonLine(256)
                .field("type", problem.type())
                .field("title", problem.title())
                .field("status", problem.status())
                .field("detail", problem.detail())
                .field("requestId", requestId)
                .field("reason", problem.reason());
        if (!problem.errors().isEmpty()) {
            StringBuilder errors = new StringBuilder("[");
            for (Problem.ValidationError e : problem.errors()) {
                errors.append(errors.length() == 1 ? "" : ",").append(new JsonLine(96)
                        .field("location", e.location()).field("pointer", e.pointer()).field("message", e.message())
                        .end());
            }
            json.rawField("errors", errors.append(']').toString());
        }
        return json.end();
    }

    static void write(HttpServletResponse response, Problem problem, String requestId) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.status());
        for (Map.Entry<String, String> h : problem.headers().entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = body(problem, requestId).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Writes a control's answer: status and headers, no body (a 204 has none, RFC 9110 §15.3.5). */
    static void writeAnswer(HttpServletResponse response, Decision.Respond answer) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(answer.status());
        for (Decision.Header h : answer.headers()) {
            response.addHeader(h.name(), h.value());
        }
        response.flushBuffer();
    }
}
