package dev.apigw.security.benchmarks;

import dev.apigw.security.Decision;
import dev.apigw.security.auth.jwt.JwtAuthenticator;
import dev.apigw.security.auth.jwt.JwtSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one {@link JwtAuthenticator#authenticate} for a valid bearer token, per algorithm, with the
 * verified-token cache off and on.
 *
 * <p>{@link #repeatedToken} sends the same token on every request, as one client does within a token's life: with the
 * cache on this is the hit path. {@link #distinctTokens} sends a different token each time from a ring larger than
 * the cache, so every request misses: with the cache on this is what the cache costs when it cannot help.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JwtAuthenticationBenchmark {

    /** More distinct tokens than the cache holds, so that the ring always misses. */
    private static final int RING = 4096;
    private static final int CACHE_ENTRIES = 1024;

    @Param({"RS256", "ES256", "HS256"})
    String algorithm;

    @Param({"off", "on"})
    String verifiedTokenCache;

    private TokenIssuer issuer;
    private JwtAuthenticator authenticator;
    private BenchmarkExchange repeated;
    private BenchmarkExchange[] ring;
    private int next;

    @Setup
    public void setUp() {
        issuer = TokenIssuer.of(algorithm);
        JwtSettings.Builder settings = issuer.settings();
        if ("on".equals(verifiedTokenCache)) {
            settings.verifiedTokenCache(CACHE_ENTRIES, JwtSettings.DEFAULT_VERIFIED_TOKEN_CACHE_MAX_AGE);
        } else {
            settings.noVerifiedTokenCache();
        }
        authenticator = JwtAuthenticator.create(settings.build(), TokenIssuer.CLOCK);
        repeated = bearer(issuer.token("alice", 0));
        ring = new BenchmarkExchange[RING];
        for (int i = 0; i < RING; i++) {
            ring[i] = bearer(issuer.token("user-" + i, i + 1));
        }
        // A refused token would measure the rejection path instead: fail the run rather than report that.
        for (BenchmarkExchange exchange : new BenchmarkExchange[] {repeated, ring[0], ring[RING - 1]}) {
            if (!authenticator.authenticate(exchange).proceeds()) {
                throw new IllegalStateException(algorithm + " benchmark token was refused");
            }
        }
    }

    @TearDown
    public void tearDown() {
        authenticator.close();
        issuer.close();
    }

    /** The same valid token on every request. */
    @Benchmark
    public Decision repeatedToken() {
        return authenticator.authenticate(repeated);
    }

    /** A different valid token on every request, never one the cache still holds. */
    @Benchmark
    public Decision distinctTokens() {
        BenchmarkExchange exchange = ring[next];
        next = (next + 1) % RING;
        return authenticator.authenticate(exchange);
    }

    private static BenchmarkExchange bearer(String token) {
        return new BenchmarkExchange(BenchmarkRequest.get("/pets", "Authorization", "Bearer " + token));
    }
}
