package dev.apigw.security.benchmarks;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.audit.AuditRecordFormat;
import dev.apigw.security.auth.apikey.ApiKeyFile;
import dev.apigw.security.chain.RequestExchange;
import dev.apigw.security.chain.SecurityChain;
import dev.apigw.security.config.ConfigLoader;
import dev.apigw.security.validate.JsonBodyValidator;
import dev.apigw.security.validate.JsonLimits;
import dev.apigw.security.validate.SchemaCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one decision of each control measured through the whole chain, so each figure includes route lookup,
 * client-address resolution and the exchange: an API-key check, a cached custom-authorizer decision, a local and a
 * Redis throttle check, and, outside the chain, a small JSON body against its schema and one audit record.
 *
 * <p>{@code publicRoute} is the baseline: the chain with nothing to check but the route and the transport.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ControlCostBenchmark {

    private static final String BASE = """
            version: 1
            transport: { requireHttps: false }
            authentication:
              apiKeys: { header: X-Api-Key, store: { type: file, path: keys.json } }
              authorizers:
                - name: partner
                  class: dev.apigw.security.benchmarks.AllowingAuthorizer
                  identitySources: [header:X-Partner-Token]
                  cacheTtl: 5m
            throttling:
              store: %s
            routes:
              - path: /public
                auth: none
              - path: /key
                auth: [apiKey]
              - path: /partner
                auth: [partner]
              - path: /limited
                auth: none
                throttle: { rate: 100000000/s, burst: 1000000000 }
            """;

    /** Where the buckets live: {@code local} always works; {@code redis} needs Redis on 127.0.0.1:6379. */
    @Param({"local"})
    public String store;

    private Path dir;
    private SecurityChain chain;
    private BenchmarkRequest publicRequest;
    private BenchmarkRequest keyRequest;
    private BenchmarkRequest partnerRequest;
    private BenchmarkRequest limitedRequest;
    private JsonBodyValidator validator;
    private byte[] body;
    private AuditRecord record;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("apigw-bench");
        ApiKeyFile.Issued issued = ApiKeyFile.empty()
                .create("partner-a", "gold", List.of("pets:read"), Instant.parse("2099-01-01T00:00:00Z"));
        issued.file().write(dir.resolve("keys.json"));
        String storeYaml = store.equals("redis")
                ? "{ type: redis, uri: \"redis://127.0.0.1:6379\", onFailure: deny }" : "{ type: local }";
        Path config = dir.resolve("apigw.yaml");
        Files.writeString(config, BASE.formatted(storeYaml));
        chain = SecurityChain.create(ConfigLoader.load(config, null));
        publicRequest = BenchmarkRequest.get("/public");
        keyRequest = BenchmarkRequest.get("/key", "X-Api-Key", issued.key());
        partnerRequest = BenchmarkRequest.get("/partner", "X-Partner-Token", "token-1");
        limitedRequest = BenchmarkRequest.get("/limited");
        check(chain.evaluate(keyRequest));
        check(chain.evaluate(partnerRequest));
        check(chain.evaluate(limitedRequest));

        var schema = JsonMapper.builder().build().readTree("""
                {"type":"object","required":["name"],"additionalProperties":false,
                 "properties":{"name":{"type":"string","maxLength":64},"tag":{"type":"string"},
                               "age":{"type":"integer","minimum":0}}}""");
        validator = new JsonBodyValidator(JsonLimits.DEFAULTS, new SchemaCompiler(dir).compile(schema, "pet"));
        body = "{\"name\":\"Rex\",\"tag\":\"dog\",\"age\":3}".getBytes(StandardCharsets.UTF_8);
        if (!validator.validate(body).isEmpty()) {
            throw new IllegalStateException("the sample body must be valid");
        }
        record = new AuditRecord(Instant.parse("2026-11-25T12:00:00Z"), "5f0c2d6a9b1e4c7d8e9f0a1b2c3d4e5f",
                "4bf92f3577b34da6a3ce929d0e0e4736", "203.0.113.9", "10.0.0.2", "GET", "/pets/42", "/pets/{id}", 200, 3,
                "allow", null, "jwt", "user-123", null, null, "curl/8.5.0", 0, 512, 99L, null, 7);
    }

    private static void check(RequestExchange exchange) {
        if (exchange.rejected()) {
            throw new IllegalStateException("the benchmark request was refused: " + exchange.problem().reason());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        chain.close();
    }

    @Benchmark
    public RequestExchange publicRoute() {
        return chain.evaluate(publicRequest);
    }

    @Benchmark
    public RequestExchange apiKeyCheck() {
        return chain.evaluate(keyRequest);
    }

    @Benchmark
    public RequestExchange cachedAuthorizerDecision() {
        return chain.evaluate(partnerRequest);
    }

    @Benchmark
    public RequestExchange throttleCheck() {
        return chain.evaluate(limitedRequest);
    }

    @Benchmark
    public Object smallJsonBodyWithSchema() {
        return validator.validate(body);
    }

    @Benchmark
    public String auditRecordLine() {
        return AuditRecordFormat.toJson(record);
    }
}
