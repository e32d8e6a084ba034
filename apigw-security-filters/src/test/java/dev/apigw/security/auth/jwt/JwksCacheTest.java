package dev.apigw.security.auth.jwt;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.apigw.security.Decision;
import dev.apigw.security.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.apigw.security.auth.jwt.JwtFixture.NOW;
import static dev.apigw.security.auth.jwt.JwtFixture.assertAccepted;
import static dev.apigw.security.auth.jwt.JwtFixture.assertRejected;
import static dev.apigw.security.auth.jwt.JwtFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The JWKS cache against a live local HTTP server that counts every fetch. No sleeping: the clock is moved. */
class JwksCacheTest {

    private static final Duration PAST_MIN_INTERVAL = Duration.ofSeconds(31);

    private final MutableClock clock = new MutableClock(NOW);
    private FakeJwksServer server;
    private JwksCache cache;
    private JwtAuthenticator authenticator;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeJwksServer().serve(JwksDocument.with("rsa-1", TestKeys.RSA.getPublic()).json());
    }

    @AfterEach
    void stop() {
        if (authenticator != null) {
            authenticator.close();
        }
        server.close();
    }

    private void start() {
        JwtSettings settings = JwtSettings.builder().issuer(Tokens.ISSUER).audiences(Tokens.AUDIENCE)
                .jwksUri(server.uri()).algorithms("RS256")
                .jwksTimeouts(Duration.ofMillis(500), Duration.ofMillis(800)).build();
        cache = JwksCache.start(settings.jwks().orElseThrow(), clock);
        authenticator = new JwtAuthenticator(settings, cache, clock);
    }

    private static String token(String kid, java.security.KeyPair key) {
        return Tokens.rs256(Tokens.header("RS256", kid), Tokens.claims(NOW), key.getPrivate());
    }

    private Decision authenticate(String token) {
        return authenticator.authenticate(bearer(token));
    }

    @Test
    void fetchesTheKeysOnceAtStart() {
        start();
        assertThat(server.hits()).isEqualTo(1);
        assertThat(cache.kids()).containsExactly("rsa-1");
        assertAccepted(authenticate(token("rsa-1", TestKeys.RSA)));
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void acceptsNewKidAfterRefetchWhenKeysRotate() {
        start();
        server.serve(JwksDocument.with("rsa-1", TestKeys.RSA.getPublic())
                .add("rsa-2", TestKeys.RSA_OTHER.getPublic()).json());
        clock.advance(PAST_MIN_INTERVAL);

        assertAccepted(authenticate(token("rsa-2", TestKeys.RSA_OTHER)));
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    void doesNotRefetchForUnknownKidWithinMinInterval() {
        start();
        server.serve(JwksDocument.with("rsa-2", TestKeys.RSA_OTHER.getPublic()).json());

        assertRejected(authenticate(token("rsa-2", TestKeys.RSA_OTHER)), TokenRejection.UNKNOWN_KEY);
        assertThat(server.hits()).isEqualTo(1);

        clock.advance(PAST_MIN_INTERVAL);
        assertAccepted(authenticate(token("rsa-2", TestKeys.RSA_OTHER)));
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    void refreshesEveryIntervalOnTheScheduler() {
        RecordingScheduler scheduler = new RecordingScheduler();
        JwtSettings settings = JwtSettings.builder().issuer(Tokens.ISSUER).audiences(Tokens.AUDIENCE)
                .jwksUri(server.uri()).algorithms("RS256").build();
        cache = JwksCache.start(settings.jwks().orElseThrow(), clock, scheduler);
        authenticator = new JwtAuthenticator(settings, cache, clock);
        assertThat(scheduler.delayMillis).isEqualTo(Duration.ofMinutes(15).toMillis());

        server.serve(JwksDocument.with("rsa-2", TestKeys.RSA_OTHER.getPublic()).json());
        scheduler.periodic.run();
        cache.refresh().join(); // joins the periodic fetch, or fetches once more if it already ended

        assertThat(cache.kids()).containsExactly("rsa-2");
        assertThat(server.hits()).isBetween(2, 3);
        authenticator.close();
        assertThat(scheduler.isShutdown()).isTrue();
    }

    @Test
    void refusesRemovedKidAfterRefresh() {
        start();
        server.serve(JwksDocument.with("rsa-2", TestKeys.RSA_OTHER.getPublic()).json());
        cache.refresh().join();

        assertRejected(authenticate(token("rsa-1", TestKeys.RSA)), TokenRejection.UNKNOWN_KEY);
        assertAccepted(authenticate(token("rsa-2", TestKeys.RSA_OTHER)));
    }

    @Test
    void floodOfRandomKidsCostsAtMostOneFetch() throws Exception {
        start();
        clock.advance(PAST_MIN_INTERVAL);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Decision>> answers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // The signature is never checked: the unknown kid ends the verification first.
            String token = Tokens.b64("{\"alg\":\"RS256\",\"kid\":\"" + UUID.randomUUID() + "\"}") + "."
                    + Tokens.b64(Tokens.json(Tokens.claims(NOW))) + "." + Tokens.b64("sig");
            answers.add(pool.submit(() -> {
                go.await();
                return authenticate(token);
            }));
        }
        go.countDown();
        for (Future<Decision> answer : answers) {
            assertRejected(answer.get(), TokenRejection.UNKNOWN_KEY);
        }
        pool.shutdown();

        assertThat(server.hits()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = FakeJwksServer.Mode.class, names = {"ERROR_500", "GARBAGE", "OVERSIZED_DECLARED",
            "OVERSIZED_CHUNKED", "REDIRECT"})
    void keepsKnownKeysWhenRefreshFails(FakeJwksServer.Mode failure) {
        start();
        server.mode(failure);
        cache.refresh().join();

        assertThat(server.hits()).isEqualTo(2);
        assertThat(server.redirectTargetHits()).isZero();
        assertThat(cache.kids()).containsExactly("rsa-1");
        assertAccepted(authenticate(token("rsa-1", TestKeys.RSA)));
    }

    @Test
    void keepsKnownKeysWhenDocumentHoldsNoUsableKey() {
        start();
        server.serve("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0\"}]}");
        cache.refresh().join();

        assertAccepted(authenticate(token("rsa-1", TestKeys.RSA)));
    }

    @Test
    void noRequestWaitsLongerThanTheFetchTimeoutWhenTheEndpointHangs() {
        start();
        server.mode(FakeJwksServer.Mode.HANG);
        clock.advance(PAST_MIN_INTERVAL);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertRejected(authenticate(token("rsa-2", TestKeys.RSA_OTHER)), TokenRejection.UNKNOWN_KEY));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertAccepted(authenticate(token("rsa-1", TestKeys.RSA))));
    }

    @Test
    void startsWithoutKeysWhenEndpointIsDownAndRecovers() {
        server.mode(FakeJwksServer.Mode.ERROR_500);
        start();
        assertThat(cache.kids()).isEmpty();
        assertRejected(authenticate(token("rsa-1", TestKeys.RSA)), TokenRejection.UNKNOWN_KEY);

        server.mode(FakeJwksServer.Mode.SERVE);
        clock.advance(PAST_MIN_INTERVAL);
        assertAccepted(authenticate(token("rsa-1", TestKeys.RSA)));
    }

    @Test
    void logsAFailureOncePerEpisode() {
        Logger logger = (Logger) LoggerFactory.getLogger(JwksCache.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            start();
            server.mode(FakeJwksServer.Mode.ERROR_500);
            for (int i = 0; i < 3; i++) {
                cache.refresh().join();
            }
            server.mode(FakeJwksServer.Mode.SERVE);
            cache.refresh().join();
            server.mode(FakeJwksServer.Mode.GARBAGE);
            cache.refresh().join();
        } finally {
            logger.detachAppender(events);
        }
        List<String> warnings = events.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("failed")).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("HTTP status 500").contains("keeping the 1 keys known");
        assertThat(warnings.get(1)).contains("not a JSON object");
        assertThat(events.list).anyMatch(e -> e.getLevel() == Level.INFO
                && e.getFormattedMessage().contains("works again"));
        assertThat(events.list).anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("plain HTTP"));
    }

    @Test
    void keepsAtMostTheKeyLimit() {
        JwksDocument many = new JwksDocument();
        for (int i = 0; i < 1000; i++) {
            many.add("k-" + i, TestKeys.EC.getPublic());
        }
        server.serve(many.json());
        start();

        assertThat(cache.kids()).hasSize(JwksSettings.DEFAULT_MAX_KEYS).contains("k-0", "k-99");
    }
}
