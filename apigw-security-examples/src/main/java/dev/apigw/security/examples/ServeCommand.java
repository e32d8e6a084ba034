package dev.apigw.security.examples;

import dev.apigw.security.AuditSink;
import dev.apigw.security.config.ConfigException;
import dev.apigw.security.config.ConfigLoader;
import dev.apigw.security.config.GatewayConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code serve}: starts the Pet Store with the given or the built-in dev configuration and prints
 * {@code listening on http://127.0.0.1:PORT} once it accepts connections.
 */
final class ServeCommand {

    static final Set<String> FLAGS = Set.of("--config", "--stage", "--port", "--audit-file");
    static final String DEV_CONFIG = "/dev/apigw/security/examples/dev-config.yaml";

    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(CommandLine cmd) {
        int port = cmd.intValue("--port", 8080, 0, 65535);
        String stage = cmd.get("--stage") != null ? cmd.get("--stage") : System.getenv("APIGW_STAGE");
        GatewayConfig config;
        DemoIssuer issuer = cmd.get("--config") == null ? DemoIssuer.start(Clock.systemUTC()) : null;
        try {
            config = load(cmd.get("--config"), stage);
        } catch (ConfigException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        AuditSink audit = cmd.get("--audit-file") == null ? null : new FileAuditSink(Path.of(cmd.get("--audit-file")));
        try (PetStoreServer server = PetStoreServer.start(config, port, audit)) {
            out.println("listening on http://127.0.0.1:" + server.port());
            if (issuer != null) {
                printTour(server.port(), issuer);
            }
            out.flush();
            server.join();
            return 0;
        } catch (Exception e) {
            err.println("the server failed: " + e.getMessage());
            return 1;
        }
    }

    private void printTour(int port, DemoIssuer issuer) {
        String base = "http://127.0.0.1:" + port;
        String reader = issuer.token("demo-reader", "pets:read", Duration.ofHours(12));
        String writer = issuer.token("demo-writer", "pets:read pets:write", Duration.ofHours(12));
        out.println();
        out.println("Demo tokens (RS256, signed by a key made at start-up, valid 12 hours):");
        out.println("  export READER=" + reader);
        out.println("  export WRITER=" + writer);
        out.println("Try:");
        out.println("  curl -i " + base + "/health");
        out.println("  curl -i " + base + "/pets                                  # 401 unauthenticated");
        out.println("  curl -i -H \"Authorization: Bearer $READER\" " + base + "/pets     # 200");
        out.println("  curl -i -H \"Authorization: Bearer $READER\" " + base + "/whoami   # the identity");
        out.println("  curl -i -H \"Authorization: Bearer $READER\" -d '{\"name\":\"Kit\"}' " + base + "/pets   # 403 insufficient_scope");
        out.println("  curl -i -H \"Authorization: Bearer $WRITER\" -d '{\"name\":\"Kit\"}' " + base + "/pets   # 201");
        out.println("  curl -i -H \"X-Partner-Token: demo-partner-token\" " + base + "/whoami   # the example authorizer");
    }

    static GatewayConfig load(String file, String stage) {
        if (file != null) {
            return ConfigLoader.load(Path.of(file), stage);
        }
        try (InputStream in = ServeCommand.class.getResourceAsStream(DEV_CONFIG)) {
            return ConfigLoader.load(in, "built-in dev configuration", stage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
