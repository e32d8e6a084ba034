package dev.apigw.security.auth.jwt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The keys of one JWK set, fetched at start-up, refreshed every {@code refreshInterval} on a background daemon thread,
 * and fetched again when a token names an unknown {@code kid}.
 *
 * <p>Refetching is off the request path where it can be and bounded where it cannot: at most one fetch is in flight,
 * every request with an unknown {@code kid} shares it, none waits longer than {@code fetchTimeout}, and an unknown
 * {@code kid} starts a fetch only if the last one began at least {@code minRefreshInterval} ago, so a flood of random
 * {@code kid}s costs at most one fetch per interval. A failed or garbage fetch keeps the keys already known and is
 * logged once per failure episode. If the first fetch fails the cache starts empty (every token refused) and says so;
 * the next unknown {@code kid} or the periodic refresh tries again.
 */
final class JwksCache implements KeySource {

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final JwksSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final JwksFetcher fetcher;
    private final JwkSetReader reader;
    private final Object lock = new Object();
    private volatile Map<String, VerificationKey> keys = Map.of();
    private volatile boolean failing;
    private CompletableFuture<Void> inFlight; // guarded by lock
    private Instant lastFetch; // guarded by lock
    private volatile ScheduledFuture<?> periodic;

    private JwksCache(JwksSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.fetcher = new JwksFetcher(settings, scheduler);
        this.reader = new JwkSetReader(new JwtJson(), settings.maxKeys());
    }

    /** Fetches the set (waiting at most the fetch time-out) and schedules the refreshes; never fails. */
    static JwksCache start(JwksSettings settings, Clock clock) {
        return start(settings, clock, Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "apigw-jwks-refresh");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** As {@link #start(JwksSettings, Clock)} on the given scheduler, which the cache then owns and shuts down. */
    static JwksCache start(JwksSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        JwksCache cache = new JwksCache(settings, clock, scheduler);
        if ("http".equals(settings.scheme())) {
            LOG.warn("JWKS is fetched over plain HTTP from {}: anyone on the path can replace the keys",
                    settings.uriForLog());
        }
        cache.await(cache.refresh());
        if (cache.keys.isEmpty()) {
            LOG.warn("Starting without JWT keys: every token is refused until a fetch from {} succeeds",
                    settings.uriForLog());
        }
        long every = settings.refreshInterval().toMillis();
        cache.periodic = cache.scheduler.scheduleWithFixedDelay(cache::refresh, every, every, TimeUnit.MILLISECONDS);
        return cache;
    }

    @Override
    public VerificationKey find(String kid) {
        if (kid == null) {
            return null;
        }
        VerificationKey key = keys.get(kid);
        if (key != null) {
            return key;
        }
        CompletableFuture<Void> fetch = refetchForUnknownKid();
        if (fetch == null) {
            return null;
        }
        await(fetch);
        return keys.get(kid);
    }

    @Override
    public Object currentKeySet() {
        return keys;
    }

    /** Starts a fetch unless one is in flight; the future completes when that fetch ends, whatever the outcome. */
    CompletableFuture<Void> refresh() {
        synchronized (lock) {
            return inFlight != null ? inFlight : startFetch();
        }
    }

    /** The key ids known now. */
    Set<String> kids() {
        return keys.keySet();
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.cancel(false);
        }
        scheduler.shutdownNow();
    }

    private CompletableFuture<Void> refetchForUnknownKid() {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (lastFetch != null && clock.instant().isBefore(lastFetch.plus(settings.minRefreshInterval()))) {
                return null;
            }
            return startFetch();
        }
    }

    // Runs with the lock held; the fetch itself runs elsewhere.
    private CompletableFuture<Void> startFetch() {
        lastFetch = clock.instant();
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight = done;
        CompletableFuture<byte[]> bytes;
        try {
            bytes = fetcher.fetch();
        } catch (RuntimeException e) {
            bytes = CompletableFuture.failedFuture(e);
        }
        bytes.thenApply(reader::read).whenComplete((fresh, error) -> finish(done, fresh, error));
        return done;
    }

    private void finish(CompletableFuture<Void> done, Map<String, VerificationKey> fresh, Throwable error) {
        if (error == null) {
            if (!fresh.equals(keys)) {
                // Only a real change replaces the map, so cached verifications survive a refresh that changed nothing.
                keys = fresh;
            }
            if (failing) {
                failing = false;
                LOG.info("JWKS fetch from {} works again: {} keys", settings.uriForLog(), fresh.size());
            }
        } else {
            failed(error);
        }
        synchronized (lock) {
            if (inFlight == done) {
                inFlight = null;
            }
        }
        done.complete(null);
    }

    private void failed(Throwable error) {
        String reason = reason(error);
        if (!failing) {
            failing = true;
            LOG.warn("JWKS fetch from {} failed ({}); keeping the {} keys known", settings.uriForLog(), reason,
                    keys.size());
        } else {
            LOG.debug("JWKS fetch from {} failed again ({})", settings.uriForLog(), reason);
        }
    }

    private String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof JwksFetchException) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException) {
            return "no answer within " + DurationText.of(settings.fetchTimeout());
        }
        return cause.getClass().getSimpleName();
    }

    private void await(CompletableFuture<Void> fetch) {
        try {
            fetch.get(settings.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the fetch reports its own failure; the caller goes on with the keys known
        }
    }
}
