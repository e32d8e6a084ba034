package dev.apigw.security.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsPrintsHowToCallIt() {
        assertThat(run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve", "--port", "curl");
    }

    @Test
    void badConfigurationStopsStartUpWithThePointer() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                version: 1
                ipPolicy: { allow: [10.0.0.0/33] }
                routes:
                  - path: /health
                    auth: none
                  - path: /pets
                    methdos: [GET]
                    auth: none
                  - path: /orders
                """);
        assertThat(run("serve", "--config", config.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("config error at /routes/1: unknown key \"methdos\"");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("serve", "--prot", "8080")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option \"--prot\"");
    }

    @Test
    void badPortIsAUsageError() {
        assertThat(run("serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number from 0 to 65535");
    }
}
