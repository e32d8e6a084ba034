package dev.apigw.security.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the allowed name a typo most likely meant, for "did you mean" in error messages.
 *
 * <p>Case, {@code _} and {@code -} are ignored first ({@code max_age} and {@code MaxAge} mean {@code maxAge});
 * otherwise the optimal-string-alignment distance (an adjacent swap costs 1, so {@code methdos} is one edit from
 * {@code methods}) must be at most a third of the name's length, and never more than 3.
 */
final class ClosestMatch {

    private ClosestMatch() {
    }

    static Optional<String> among(String given, Collection<String> candidates) {
        String loose = loosen(given);
        for (String candidate : candidates) {
            if (loosen(candidate).equals(loose)) {
                return Optional.of(candidate);
            }
        }
        int allowed = Math.min(3, Math.max(1, given.length() / 3));
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String loosen(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
