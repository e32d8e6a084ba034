package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;
import dev.apigw.security.auth.apikey.ApiKeyFileException;
import dev.apigw.security.auth.apikey.JdbcApiKeyStore;
import dev.apigw.security.config.DurationFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code keys create|revoke|rotate|list --store keys.json} (CONTRACT §6): manages API keys in the key file or, with
 * {@code --store jdbc:...}, in a database table. A new key is printed once, alone on standard output (so that
 * {@code KEY=$(... keys create ...)} works), and only its hash is stored; {@code list} never prints a key.
 *
 * <p>New keys expire after 90 days unless {@code --expires} says otherwise ({@code --expires never} for keys that
 * never expire, which {@code lint} reports). The database password comes from {@value #PASSWORD_VARIABLE}, never
 * from a flag, since flags show in the process list.
 */
final class KeysCommand {

    static final String PASSWORD_VARIABLE = "APIGW_DB_PASSWORD";
    static final Duration DEFAULT_EXPIRY = Duration.ofDays(90);
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    private static final Set<String> STORE = Set.of("--store", "--table");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "create", with("--plan", "--principal", "--expires", "--scopes"),
            "revoke", with("--id"),
            "rotate", with("--id", "--overlap", "--expires"),
            "list", STORE);

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Function<String, String> environment;

    KeysCommand(PrintStream out, PrintStream err, Clock clock, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.environment = environment;
    }

    /** Runs one action; a bad flag, value or id is an {@link IllegalArgumentException} (exit code 2). */
    int run(String[] args) {
        if (args.length == 0 || !FLAGS.containsKey(args[0])) {
            throw new IllegalArgumentException("keys needs an action: create, revoke, rotate or list");
        }
        String action = args[0];
        CommandLine cmd = CommandLine.parse(Arrays.copyOfRange(args, 1, args.length), FLAGS.get(action));
        try (KeyStoreEditor store = open(cmd)) {
            switch (action) {
                case "create" -> printNew(store.create(cmd.get("--principal"), cmd.required("--plan"), scopes(cmd),
                        expiry(cmd)), "created");
                case "revoke" -> revoke(store, cmd.required("--id"));
                case "rotate" -> printNew(store.rotate(cmd.required("--id"), overlap(cmd), now(),
                        expiry(cmd)), "rotated " + cmd.get("--id") + " (it stops working after the overlap);"
                        + " created");
                default -> KeyTable.print(store.list(), out);
            }
            return 0;
        } catch (IOException | SQLException | ApiKeyFileException e) {
            err.println("error: " + problem(e));
            return 1;
        }
    }

    private KeyStoreEditor open(CommandLine cmd) {
        String store = cmd.required("--store");
        if (store.startsWith("jdbc:")) {
            String table = cmd.get("--table") != null ? cmd.get("--table") : JdbcApiKeyStore.DEFAULT_TABLE;
            return new KeyTableEditor(store, table, environment.apply(PASSWORD_VARIABLE));
        }
        if (cmd.get("--table") != null) {
            throw new IllegalArgumentException("--table is for a jdbc: store; " + store + " is a key file");
        }
        return new KeyFileEditor(Path.of(store));
    }

    private void revoke(KeyStoreEditor store, String id) throws IOException, SQLException {
        store.revoke(id);
        out.println("revoked " + id);
    }

    private void printNew(KeyStoreEditor.NewKey issued, String what) {
        StoredKey k = issued.stored();
        err.println(what + " key " + k.id() + " for " + k.principal() + " (plan " + k.plan() + ", scopes "
                + (k.scopes().isEmpty() ? "none" : String.join(" ", k.scopes())) + ", expires "
                + (k.expiresAt() == null ? "never" : k.expiresAt()) + "). The key follows; it is shown only this"
                + " once and stored only as a hash:");
        out.println(issued.key());
    }

    private Instant expiry(CommandLine cmd) {
        String text = cmd.get("--expires");
        if ("never".equals(text)) {
            return null;
        }
        return now().plus(text == null ? DEFAULT_EXPIRY : duration("--expires", text));
    }

    /** Whole seconds: expiries are read by people, and nanoseconds promise a precision nobody needs. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Duration overlap(CommandLine cmd) {
        String text = cmd.get("--overlap");
        return text == null ? DEFAULT_OVERLAP : duration("--overlap", text);
    }

    private static Duration duration(String flag, String text) {
        try {
            return DurationFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage());
        }
    }

    private static List<String> scopes(CommandLine cmd) {
        String text = cmd.get("--scopes");
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String problem(Exception e) {
        if (e instanceof SQLException sql && "42P01".equals(sql.getSQLState())) {
            return "the key table does not exist; create it with JdbcApiKeyStore.schemaSql"
                    + " (dev/apigw/security/auth/apikey/schema-postgresql.sql)";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Set<String> with(String... flags) {
        Set<String> all = new java.util.HashSet<>(STORE);
        all.addAll(List.of(flags));
        return Set.copyOf(all);
    }
}
