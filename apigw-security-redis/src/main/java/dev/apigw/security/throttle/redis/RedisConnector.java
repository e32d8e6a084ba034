package dev.apigw.security.throttle.redis;

import dev.apigw.security.throttle.ClockTimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The Lettuce connection behind a {@link RedisBucketStore} and the Bucket4j proxy manager on it.
 *
 * <p>Connecting never happens on a request's thread: the first connection is made asynchronously, and if Redis was
 * unreachable, asked for again (asynchronously) by the next request that needs it. Once connected, Lettuce reconnects
 * by itself after 10 ms, doubling up to 1 s; while disconnected it rejects commands at once instead of queueing them,
 * so no request waits for a dead Redis and no queue grows. Commands time out after the store's timeout.
 */
final class RedisConnector implements AutoCloseable {

    /** Buckets stay this long in Redis after they would be full again, so an idle client costs Redis no memory. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);
    private static final int MAX_QUEUED_COMMANDS = 10_000;

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile ProxyManager<byte[]> proxies;

    RedisConnector(RedisURI uri, Duration timeout, Clock clock) {
        this.uri = uri;
        this.timeout = timeout;
        this.clock = clock;
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(MAX_QUEUED_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout(timeout)).keepAlive(true).build())
                .build());
    }

    /** The proxy manager, or {@code null} while not connected (a connection is then asked for). */
    ProxyManager<byte[]> proxies() {
        ProxyManager<byte[]> p = proxies;
        if (p == null) {
            connectInBackground();
        }
        return p;
    }

    /** Starts connecting unless a connection exists or is being made. */
    void connectInBackground() {
        if (connection != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(ByteArrayCodec.INSTANCE, uri).whenComplete((c, failure) -> {
            if (c != null) {
                connection = c;
                proxies = Bucket4jLettuce.casBasedBuilder(c)
                        .clientClock(new ClockTimeMeter(clock))
                        .requestTimeout(timeout)
                        .expirationAfterWrite(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                        .build();
            }
            connecting.set(false);
        });
    }

    /** Waits up to {@code max} for the first connection: for start-up only, never on a request. */
    boolean awaitConnected(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (proxies == null && System.nanoTime() - deadline < 0) {
            if (!connecting.get()) {
                connectInBackground();
            }
            LockSupport.parkNanos(5_000_000L);
        }
        return proxies != null;
    }

    /** Host and port, never the password: how logs name this Redis. */
    String describe() {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static Duration connectTimeout(Duration timeout) {
        Duration floor = Duration.ofMillis(500);
        return timeout.compareTo(floor) > 0 ? timeout : floor;
    }

    @Override
    public void close() {
        StatefulRedisConnection<byte[], byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
