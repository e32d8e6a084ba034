package dev.apigw.security.benchmarks;

import dev.apigw.security.auth.jwt.JwtAuthenticator;
import dev.apigw.security.auth.jwt.JwtSettings;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;

/**
 * Measures the heap a full verified-token cache holds: {@code java -cp benchmarks.jar
 * dev.apigw.security.benchmarks.TokenCacheFootprint [entries]}.
 *
 * <p>Not a JMH benchmark, because the question is retained bytes, not time: it fills an authenticator's cache with
 * distinct tokens of the benchmark shape and compares the heap after a full collection with the heap before, the
 * tokens themselves held in both. The figure is an estimate (the collector is asked, not forced), good to a few
 * percent on an otherwise idle JVM; docs/BENCHMARKS.md quotes it.
 */
public final class TokenCacheFootprint {

    private TokenCacheFootprint() {
    }

    /** Prints the bytes retained per cached token for a cache of {@code args[0]} entries (default 10,000). */
    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : JwtSettings.DEFAULT_VERIFIED_TOKEN_CACHE_ENTRIES;
        // One below the bound: both generations full, none dropped yet.
        int tokens = entries - 1;
        try (TokenIssuer issuer = TokenIssuer.of("HS256");
             JwtAuthenticator authenticator = JwtAuthenticator.create(issuer.settings()
                     .verifiedTokenCache(entries, JwtSettings.DEFAULT_VERIFIED_TOKEN_CACHE_MAX_AGE).build(),
                     TokenIssuer.CLOCK)) {
            BenchmarkExchange[] exchanges = new BenchmarkExchange[tokens];
            for (int i = 0; i < tokens; i++) {
                exchanges[i] = new BenchmarkExchange(BenchmarkRequest.get("/pets",
                        "Authorization", "Bearer " + issuer.token("user-" + i, i)));
            }
            long before = usedAfterCollection();
            for (BenchmarkExchange exchange : exchanges) {
                if (!authenticator.authenticate(exchange).proceeds()) {
                    throw new IllegalStateException("a footprint token was refused");
                }
            }
            long after = usedAfterCollection();
            System.out.printf("%d cached tokens of %d characters: %.1f MiB retained, %d bytes per token%n", tokens,
                    exchanges[0].request().header("Authorization").length() - "Bearer ".length(),
                    (after - before) / (1024.0 * 1024.0), (after - before) / tokens);
            // The tokens stay reachable through the second measurement, so they count in neither.
            Reference.reachabilityFence(exchanges);
        }
    }

    private static long usedAfterCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
