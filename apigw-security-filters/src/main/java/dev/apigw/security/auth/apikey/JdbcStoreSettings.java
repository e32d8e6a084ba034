package dev.apigw.security.auth.apikey;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The checked settings of a {@link JdbcApiKeyStore}.
 *
 * @param table         the table, a plain identifier
 * @param cacheTtl      how long a key read from the database is trusted without asking again: the longest a
 *                      revocation takes to work; up to 1 minute
 * @param maxCachedKeys how many keys are cached at most
 * @param outageGrace   how long a cached key keeps working while the database cannot be reached; up to 1 hour
 * @param queryTimeout  how long one lookup may take, in whole seconds (JDBC's unit); 1 to 30 s
 * @param clock         the clock the TTL and grace are measured by
 */
record JdbcStoreSettings(String table, Duration cacheTtl, int maxCachedKeys, Duration outageGrace,
                         Duration queryTimeout, Clock clock) {

    JdbcStoreSettings {
        TableName.checked(table);
        Objects.requireNonNull(clock, "clock");
        within("cacheTtl", cacheTtl, Duration.ofMillis(1), Duration.ofMinutes(1));
        within("outageGrace", outageGrace, Duration.ZERO, Duration.ofHours(1));
        within("queryTimeout", queryTimeout, Duration.ofSeconds(1), Duration.ofSeconds(30));
        if (maxCachedKeys < 1 || maxCachedKeys > 10_000_000) {
            throw new IllegalArgumentException("apiKeys store maxCachedKeys must be between 1 and 10000000");
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("apiKeys store " + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }
}
