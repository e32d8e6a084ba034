package dev.apigw.security.throttle.redis;

import dev.apigw.security.throttle.BucketKey;
import dev.apigw.security.throttle.BucketStore;
import dev.apigw.security.throttle.StoreSettings;
import dev.apigw.security.throttle.StoreUnavailableException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Buckets in Redis, shared by every instance that points at it: Bucket4j's compare-and-swap proxy manager over one
 * Lettuce connection. Keys are {@code apigw:<limit>:<client>} and expire once their bucket would be full again.
 *
 * <p>Every operation answers within the store's timeout or throws {@link StoreUnavailableException}; the
 * {@code FailoverBucketStore} around it applies {@code onFailure}. Bucket4j computes refills on the client, so the
 * instances' clocks must agree (NTP).
 */
public final class RedisBucketStore implements BucketStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final String PREFIX = "apigw:";
    /** How long start-up waits for the first connection (a cold JVM loads Netty first); never a request. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    private final RedisConnector connector;

    private RedisBucketStore(RedisConnector connector) {
        this.connector = connector;
    }

    /**
     * Opens the store and waits briefly for the first connection; an unreachable Redis is logged, not fatal, and
     * connected to later.
     */
    public static RedisBucketStore open(StoreSettings settings, Clock clock) {
        RedisURI uri = RedisURI.create(new String(settings.uri().reveal(), StandardCharsets.UTF_8));
        uri.setTimeout(settings.timeout());
        RedisConnector connector = new RedisConnector(uri, settings.timeout(), clock);
        long started = System.nanoTime();
        boolean connected = connector.awaitConnected(STARTUP_WAIT);
        LOG.debug("first connection to Redis at {}: {} after {} ms", connector.describe(), connected,
                (System.nanoTime() - started) / 1_000_000);
        if (!connected) {
            LOG.warn("Redis at {} is not reachable yet; onFailure applies until it is", connector.describe());
        }
        return new RedisBucketStore(connector);
    }

    @Override
    public ConsumptionProbe tryConsume(BucketKey key, Supplier<BucketConfiguration> configuration) {
        return call(p -> p.getProxy(bytes(key), configuration).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void refund(BucketKey key, Supplier<BucketConfiguration> configuration) {
        call(p -> {
            p.getProxy(bytes(key), configuration).addTokens(1);
            return null;
        });
    }

    @Override
    public EstimationProbe peek(BucketKey key, Supplier<BucketConfiguration> configuration) {
        // Bucket4j re-creates a missing bucket on a proxy's first command whatever its recovery strategy, so
        // absence is asked first: a lockout check must not write a bucket for every address it sees.
        return call(p -> {
            byte[] k = bytes(key);
            return p.getProxyConfiguration(k).isEmpty() ? null
                    : p.getProxy(k, configuration).estimateAbilityToConsume(1);
        });
    }

    private <T> T call(Function<ProxyManager<byte[]>, T> operation) {
        ProxyManager<byte[]> proxies = connector.proxies();
        if (proxies == null) {
            throw new StoreUnavailableException("not connected to Redis at " + connector.describe(), null);
        }
        try {
            return operation.apply(proxies);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Redis at " + connector.describe() + " did not answer: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] bytes(BucketKey key) {
        return key.text(PREFIX).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        connector.close();
    }
}
