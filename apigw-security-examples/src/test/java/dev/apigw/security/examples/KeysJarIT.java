package dev.apigw.security.examples;

import dev.apigw.security.auth.apikey.ApiKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys create} run by several processes at once on one key file: the lock file makes them take turns, so no
 * process overwrites another's key (threads of one JVM cannot show this: file locks are held per process).
 */
class KeysJarIT {

    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    @Test
    void concurrentProcessesLoseNoKey() throws Exception {
        Path jar = Path.of("target", "apigw-security-examples.jar");
        assertThat(jar).as("the shaded jar is built in package").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path keys = dir.resolve("keys.json");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(java, "-jar", jar.toString(), "keys", "create", "--store",
                    keys.toString(), "--plan", "gold", "--principal", "partner-" + i)
                    .redirectError(dir.resolve("stderr-" + i + ".txt").toFile())
                    .redirectOutput(dir.resolve("stdout-" + i + ".txt").toFile())
                    .start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }

        assertThat(ApiKeyFile.read(keys).keys()).extracting(k -> k.principal())
                .containsExactlyInAnyOrder("partner-0", "partner-1", "partner-2", "partner-3");
    }
}
