package dev.apigw.security.examples;

import dev.apigw.security.ApiKeyStore.StoredKey;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints keys as an aligned table of id, principal, plan, scopes, expiry and revocation; never a key or a hash. */
final class KeyTable {

    private static final List<String> HEADER = List.of("ID", "PRINCIPAL", "PLAN", "SCOPES", "EXPIRES", "REVOKED");

    private KeyTable() {
    }

    static void print(List<StoredKey> keys, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StoredKey k : keys) {
            rows.add(List.of(k.id(), k.principal(), k.plan(), k.scopes().isEmpty() ? "-" : String.join(" ", k.scopes()),
                    k.expiresAt() == null ? "never" : k.expiresAt().toString(), k.revoked() ? "yes" : "no"));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(i == row.size() - 1 ? row.get(i)
                        : String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line);
        }
    }
}
