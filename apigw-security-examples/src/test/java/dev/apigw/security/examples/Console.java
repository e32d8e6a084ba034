package dev.apigw.security.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs a command of the examples jar in this JVM and keeps its exit code and what it printed. */
record Console(int code, String out, String err) {

    /** Through {@link Main}, as a user runs it. */
    static Console main(String... args) {
        return capture((out, err) -> Main.run(args, out, err));
    }

    /** {@code keys} with a fixed clock and environment. */
    static Console keys(Clock clock, Map<String, String> env, String... args) {
        return capture((out, err) -> {
            try {
                return new KeysCommand(out, err, clock, env::get).run(args);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
        });
    }

    private interface Command {
        int run(PrintStream out, PrintStream err);
    }

    private static Console capture(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
