package dev.apigw.security.throttle.redis;

import dev.apigw.security.Secret;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.config.GatewayConfig;
import dev.apigw.security.route.RouteConfig;
import dev.apigw.security.throttle.StoreSettings;
import dev.apigw.security.throttle.ThrottleSettings;
import dev.apigw.security.transport.TransportPolicy;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The Redis the tests use, and chains that throttle through it. */
final class RedisFixture {

    static final String SHARED = "redis://127.0.0.1:6379";

    private RedisFixture() {
    }

    /** Skips the test with a clear message where Redis is unreachable, unless CI=true, where that is a failure. */
    static void requireRedis(int port) {
        if (reachable(port)) {
            return;
        }
        String message = "Redis is not reachable at 127.0.0.1:" + port + "; start it (redis-server) to run this test";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: the service must be running)");
        }
        Assumptions.abort(message);
    }

    static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static StoreSettings store(String uri, StoreSettings.OnFailure onFailure) {
        return new StoreSettings("redis", 10_000, Secret.of(uri), onFailure, Duration.ofMillis(100));
    }

    /** A chain with one public route, its throttling on the given store and whatever else {@code more} adds. */
    static SecurityChain chain(StoreSettings store, Clock clock, RouteConfig route,
                               UnaryOperator<ThrottleSettings.Builder> more) {
        GatewayConfig config = GatewayConfig.builder()
                .transport(TransportPolicy.builder().requireHttps(false).build())
                .throttling(more.apply(ThrottleSettings.builder().store(store)).build())
                .route(route)
                .build();
        return SecurityChain.create(config, ControlKind.all(), clock);
    }
}
