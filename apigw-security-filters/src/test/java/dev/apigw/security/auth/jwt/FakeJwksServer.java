package dev.apigw.security.auth.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP server on 127.0.0.1 that serves a JWK set, misbehaves on demand and counts every request. */
final class FakeJwksServer implements AutoCloseable {

    /** How the server answers. */
    enum Mode { SERVE, ERROR_500, GARBAGE, OVERSIZED_DECLARED, OVERSIZED_CHUNKED, HANG, REDIRECT }

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SERVE);
    private final CountDownLatch release = new CountDownLatch(1);

    FakeJwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks.json", this::handle);
        server.createContext("/elsewhere.json", exchange -> {
            redirectTargetHits.incrementAndGet();
            send(exchange, 200, document.get().getBytes(StandardCharsets.UTF_8));
        });
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-jwks-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    FakeJwksServer serve(String json) {
        document.set(json);
        mode.set(Mode.SERVE);
        return this;
    }

    FakeJwksServer mode(Mode value) {
        mode.set(value);
        return this;
    }

    /** Requests to the JWKS path. */
    int hits() {
        return hits.get();
    }

    int redirectTargetHits() {
        return redirectTargetHits.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        switch (mode.get()) {
            case SERVE -> send(exchange, 200, document.get().getBytes(StandardCharsets.UTF_8));
            case ERROR_500 -> send(exchange, 500, "oops".getBytes(StandardCharsets.UTF_8));
            case GARBAGE -> send(exchange, 200, "<html>not json".getBytes(StandardCharsets.UTF_8));
            case OVERSIZED_DECLARED -> send(exchange, 200, padded(2 * 1024 * 1024));
            case OVERSIZED_CHUNKED -> chunked(exchange, padded(2 * 1024 * 1024));
            case HANG -> hang(exchange);
            case REDIRECT -> {
                exchange.getResponseHeaders().add("Location", "/elsewhere.json");
                send(exchange, 302, new byte[0]);
            }
        }
    }

    private byte[] padded(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) ' ');
        byte[] json = document.get().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, 0, json.length);
        return body;
    }

    private void hang(HttpExchange exchange) throws IOException {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void chunked(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i += 8192) {
                out.write(body, i, Math.min(8192, body.length - i));
            }
        } catch (IOException e) {
            // the client hung up once it had read enough: that is the point
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
