package dev.apigw.security.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket: it sends the request target byte for byte, so encoded
 * paths, backslashes and forged headers reach the server exactly as an attacker would send them (java.net.http
 * would normalise or refuse some of them).
 */
final class RawHttpClient {

    private final int port;

    RawHttpClient(int port) {
        this.port = port;
    }

    Response get(String target, String... headerLines) throws IOException {
        return send("GET", target, headerLines);
    }

    Response send(String method, String target, String... headerLines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder();
            req.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            req.append("Host: 127.0.0.1:").append(port).append("\r\n");
            for (String h : headerLines) {
                req.append(h).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Response.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toByteArray();
    }

    /** A parsed response; header names lower-cased. Chunked bodies are joined. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            k -> new java.util.ArrayList<>()).add(lines[i].substring(colon + 1).trim());
                }
            }
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
                body = dechunk(body);
            }
            return new Response(status, headers, body);
        }

        private static String dechunk(String body) {
            StringBuilder out = new StringBuilder();
            int pos = 0;
            while (pos < body.length()) {
                int eol = body.indexOf("\r\n", pos);
                int size = Integer.parseInt(body.substring(pos, eol).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, eol + 2, eol + 2 + size);
                pos = eol + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
