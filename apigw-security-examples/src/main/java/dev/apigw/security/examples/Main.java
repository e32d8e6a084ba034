package dev.apigw.security.examples;

import dev.apigw.security.lint.Linter;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

/**
 * The command line of the examples jar (CONTRACT §6): {@code serve} runs the Pet Store demo, {@code lint} checks a
 * configuration, {@code keys} manages API keys; with no arguments it prints how to use it. Exit code 2 is a usage
 * error.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a sub-command and returns the exit code; {@code serve} blocks until the server stops. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(usage());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "serve" -> new ServeCommand(out, err).run(CommandLine.parse(rest, ServeCommand.FLAGS));
                case "lint" -> new LintCommand(out, err, Linter.standard()).run(CommandLine.parse(rest,
                        LintCommand.FLAGS));
                case "keys" -> new KeysCommand(out, err, Clock.systemUTC(), System::getenv).run(rest);
                default -> {
                    err.println("unknown command \"" + args[0] + "\"");
                    err.print(usage());
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static String usage() {
        return """
                apigw-security examples: the Pet Store demo behind the apigw-security filter.

                Usage:
                  java -jar apigw-security-examples.jar serve [--config FILE] [--stage NAME] [--port N] [--audit-file PATH]
                  java -jar apigw-security-examples.jar lint --config FILE [--stage NAME] [--format text|json]
                  java -jar apigw-security-examples.jar keys create --store keys.json --plan NAME [--principal P]
                                                                  [--expires 90d|never] [--scopes a,b]
                  java -jar apigw-security-examples.jar keys revoke --store keys.json --id ID
                  java -jar apigw-security-examples.jar keys rotate --store keys.json --id ID [--overlap 24h] [--expires 90d]
                  java -jar apigw-security-examples.jar keys list --store keys.json

                  serve   runs the Pet Store on http://127.0.0.1:PORT (default 8080; --port 0 picks a free port).
                          Without --config it uses the built-in dev configuration.
                  lint    reports risky settings of the base and every stage (or --stage NAME), with the JSON pointer
                          and the fix; exit code 1 when any is high, 2 when the file does not load.
                  keys    manages API keys; a new key is printed once and only its hash is stored. --store also takes
                          a JDBC URL (jdbc:postgresql://host/db?user=U, password from APIGW_DB_PASSWORD) and --table.

                Try it:
                  java -jar apigw-security-examples/target/apigw-security-examples.jar serve --port 8080
                  (serve prints two ready-to-paste demo tokens, READER and WRITER)
                  curl -i http://127.0.0.1:8080/health        # public: 200
                  curl -i http://127.0.0.1:8080/pets          # protected: 401 problem+json
                  curl -i -H "Authorization: Bearer $READER" http://127.0.0.1:8080/whoami
                  curl -i http://127.0.0.1:8080/nope          # no route: 404 route_not_found
                  curl -i 'http://127.0.0.1:8080/health?api_key=x'   # 400 secret_in_query
                """;
    }
}
