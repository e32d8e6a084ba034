package dev.apigw.security.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a large body with {@code Transfer-Encoding: chunked} from a generator, never holding it, while reading the
 * answer on another thread: the server may answer and close long before the body ends, as it should for one too large.
 */
final class ChunkedUpload {

    private static final int CHUNK = 64 * 1024;

    private final int port;

    ChunkedUpload(int port) {
        this.port = port;
    }

    /** The answer, and how many body bytes the client got to send before the server stopped taking them. */
    record Result(RawHttpClient.Response response, long sent) {
    }

    Result send(String target, long bodyBytes, String... headerLines) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            for (String h : headerLines) {
                head.append(h).append("\r\n");
            }
            head.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(out, bodyBytes, sent));
            byte[] answer = readAll(socket.getInputStream());
            writer.get(30, TimeUnit.SECONDS);
            return new Result(RawHttpClient.Response.parse(answer), sent.get());
        }
    }

    /** Writes {@code total} bytes of JSON-ish filler in chunks; stops quietly when the server closes. */
    private static void write(OutputStream out, long total, AtomicLong sent) {
        byte[] chunk = new byte[CHUNK];
        java.util.Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '[';
        try {
            while (sent.get() < total) {
                int n = (int) Math.min(CHUNK, total - sent.get());
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sent.addAndGet(n);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException serverStoppedReading) {
            // expected for a body over the limit
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                buffer.write(chunk, 0, n);
            }
        } catch (IOException resetAfterTheAnswer) {
            // the server may reset the connection after answering, with our unread body in its buffers
        }
        return buffer.toByteArray();
    }
}
