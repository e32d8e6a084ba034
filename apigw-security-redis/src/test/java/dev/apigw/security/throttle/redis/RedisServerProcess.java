package dev.apigw.security.throttle.redis;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A redis-server of the test's own on a free port, without persistence, that the test can stop and start again to
 * play an outage.
 */
final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisServerProcess(int port) {
        this.port = port;
    }

    /** Starts redis-server on a free port; skips the test (fails it when CI=true) where there is none on the PATH. */
    static RedisServerProcess start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServerProcess server = new RedisServerProcess(port);
        server.startAgain();
        return server;
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again) on the same port and waits until it accepts connections. */
    void startAgain() throws IOException {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(
                            System.getProperty("java.io.tmpdir"), "apigw-redis-test-" + port + ".log")))
                    .start();
        } catch (IOException e) {
            String message = "redis-server is not on the PATH; install it (apt-get install redis-server) to run this test";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message, e);
            }
            Assumptions.abort(message);
        }
        awaitReachable(true);
    }

    /** Stops the server as a crash would look to clients, and waits until the port is closed. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        awaitReachable(false);
    }

    private void awaitReachable(boolean up) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (RedisFixture.reachable(port) != up) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("redis-server on port " + port + " did not " + (up ? "start" : "stop"));
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
