package dev.apigw.security.examples;

import dev.apigw.security.json.JsonLine;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET/POST /pets} and {@code GET/DELETE /pets/{id}}: a deliberately plain application, so that what the demo
 * shows is the filter in front of it.
 */
final class PetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 4096;

    private final transient PetStore store;

    PetServlet(PetStore store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Long id = id(req);
        if (id == null) {
            StringBuilder list = new StringBuilder("[");
            for (Map.Entry<Long, String> e : new TreeMap<>(store.all()).entrySet()) {
                list.append(list.length() == 1 ? "" : ",").append(pet(e.getKey(), e.getValue()));
            }
            Json.write(resp, 200, list.append(']').toString());
            return;
        }
        String name = id < 0 ? null : store.get(id);
        Json.write(resp, name == null ? 404 : 200, name == null ? "{\"error\":\"no such pet\"}" : pet(id, name));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (id(req) != null) {
            resp.sendError(405);
            return;
        }
        String name = readName(req.getInputStream());
        if (name == null) {
            Json.write(resp, 400, "{\"error\":\"send {\\\"name\\\": \\\"...\\\"} of up to 64 characters\"}");
            return;
        }
        long id = store.add(name);
        if (id < 0) {
            Json.write(resp, 507, "{\"error\":\"the demo store is full\"}");
            return;
        }
        resp.setHeader("Location", req.getContextPath() + "/pets/" + id);
        Json.write(resp, 201, pet(id, name));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Long id = id(req);
        if (id == null) {
            resp.sendError(405);
            return;
        }
        resp.setStatus(id >= 0 && store.remove(id) ? 204 : 404);
    }

    private static Long id(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return null;
        }
        try {
            return Long.parseLong(info.substring(1));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String pet(long id, String name) {
        return new JsonLine(64).field("id", id).field("name", name).end();
    }

    /** Reads {@code {"name": "..."}} with a tiny parser: the demo shows the filter, not a JSON library. */
    private static String readName(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        int key = text.indexOf("\"name\"");
        int colon = key < 0 ? -1 : text.indexOf(':', key);
        int open = colon < 0 ? -1 : text.indexOf('"', colon);
        int close = open < 0 ? -1 : text.indexOf('"', open + 1);
        if (close < 0 || !text.startsWith("{") || !text.endsWith("}")) {
            return null;
        }
        String name = text.substring(open + 1, close);
        return name.isEmpty() || name.length() > 64 || name.indexOf('\\') >= 0 ? null : name;
    }
}
