package dev.apigw.security.servlet;

import dev.apigw.security.json.JsonLine;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The application behind the filter in the body tests: it reads the body the way {@code X-Read} says
 * ({@code stream}, {@code reader}, {@code params}, {@code count}, {@code count-and-answer}) and answers what it read, so a test sees exactly
 * what the application received.
 */
final class BodyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String how = req.getHeader("X-Read") == null ? "none" : req.getHeader("X-Read");
        switch (how) {
            case "stream" -> answer(resp, req.getContentType(), req.getInputStream().readAllBytes());
            case "reader" -> answer(resp, "text/plain; charset=utf-8", read(req.getReader()));
            case "params" -> answer(resp, "application/json", params(req.getParameterMap()));
            case "count" -> count(req, resp, false);
            case "count-and-answer" -> count(req, resp, true);
            default -> answer(resp, "application/json", "{\"app\":\"reached\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Streams the body without keeping it, as an upload handler would. A read past the limit fails: {@code count}
     * lets the exception propagate, {@code count-and-answer} answers its own 500 as some applications do.
     */
    private static void count(HttpServletRequest req, HttpServletResponse resp, boolean answerFailure)
            throws IOException {
        long total = 0;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = req.getInputStream()) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                total += n;
            }
        } catch (IOException e) {
            if (!answerFailure) {
                throw e;
            }
            resp.setStatus(500);
            answer(resp, "application/json", ("{\"error\":\"read failed after " + total + " bytes\"}").getBytes(
                    StandardCharsets.UTF_8));
            return;
        }
        answer(resp, "application/json", ("{\"bytes\":" + total + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] params(Map<String, String[]> parameters) {
        JsonLine json = new JsonLine(128);
        parameters.forEach((name, values) -> json.field(name, String.join("|", values)));
        return json.end().getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpServletResponse resp, String type, byte[] body) throws IOException {
        resp.setContentType(type);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
