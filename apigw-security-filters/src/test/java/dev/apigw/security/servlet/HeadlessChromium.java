package dev.apigw.security.servlet;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real browser for the CORS tests: Debian's {@code chromium} run headless with a fresh profile, pointed at a page
 * whose script posts its results back to the page's server. Waiting for that report (rather than for a DOM dump or a
 * virtual-time budget) means the test neither races the page nor sleeps.
 */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser named by {@code CHROMIUM}, else the first of {@link #NAMES} on the {@code PATH}. */
    static Optional<HeadlessChromium> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable).map(HeadlessChromium::new);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /** Opens the page and returns what it reported, failing with the browser's log if no report comes in time. */
    String visit(String url, BlockingQueue<String> reports, Duration timeout) throws Exception {
        Path profile = Files.createTempDirectory("apigw-chromium-");
        Path log = Files.createTempFile("apigw-chromium-", ".log");
        Process browser = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--no-proxy-server", "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String report = reports.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (report == null) {
                throw new AssertionError("Chromium reported nothing from " + url + " within " + timeout
                        + (browser.isAlive() ? "" : " (it exited with " + browser.exitValue() + ")") + "; its log:\n"
                        + tail(log));
            }
            return report;
        } finally {
            stop(browser);
            delete(profile);
            Files.deleteIfExists(log);
        }
    }

    private static void stop(Process browser) throws InterruptedException {
        browser.descendants().forEach(ProcessHandle::destroy);
        browser.destroy();
        if (!browser.waitFor(10, TimeUnit.SECONDS)) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
