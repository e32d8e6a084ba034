package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.chain.ControlKind;
import dev.apigw.security.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Size limits, body replay and request validation in a real Jetty 12 and a real Tomcat 10.1, configured from a YAML
 * file with its schemas beside it, spoken to over real sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValidationIT {

    static final int LIMIT = 1024 * 1024;
    static final long HUNDRED_MIB = 100L * 1024 * 1024;

    private static final String CONFIG = """
            version: 1
            transport: { requireHttps: false }
            validation:
              maxBodySize: 1MiB
              maxHeaderSize: 4KiB
              json: { maxDepth: 32, maxStringLength: 64KiB, rejectDuplicateKeys: true }
            routes:
              - path: /pets
                methods: [POST]
                auth: none
                validate:
                  contentTypes: [application/json]
                  body: schemas/new-pet.json
                  query: { dryRun: { type: boolean } }
              - path: /pets
                methods: [GET]
                auth: none
                validate:
                  query: { limit: { type: integer, minimum: 1, maximum: 100, required: true }, sort: { enum: [asc, desc] } }
              - path: /pets/{id}
                auth: none
                validate:
                  path: { id: { type: integer, minimum: 1 } }
                  headers: { required: [X-Tenant], X-Tenant: { type: string, pattern: "^[a-z]{1,16}$" } }
              - path: /forms
                auth: none
                validate:
                  contentTypes: [application/x-www-form-urlencoded]
                  body: schemas/contact.json
              - path: /upload
                auth: none
            """;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Each container with the audit records of its filter. */
    private final Map<ContainerFixture, RecordingAuditSink> audits = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("apigw-validate-it");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/new-pet.json"), """
                {"$schema": "http://json-schema.org/draft-04/schema#", "title": "NewPet", "type": "object",
                 "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 40},
                                "kind": {"enum": ["cat", "dog"]}, "age": {"type": "integer", "minimum": 0},
                                "tags": {"type": "array", "items": {"type": "string"}}},
                 "required": ["name"], "additionalProperties": false}""");
        Files.writeString(dir.resolve("schemas/contact.json"), """
                {"type": "object", "properties": {"name": {"type": "string", "maxLength": 20}},
                 "required": ["name"]}""");
        Path file = dir.resolve("apigw.yaml");
        Files.writeString(file, CONFIG);
        var config = ConfigLoader.load(file, null);
        RecordingAuditSink jettyAudit = new RecordingAuditSink();
        audits.put(ContainerFixture.jetty(new ApigwSecurityFilter(config, ControlKind.all(), jettyAudit),
                new BodyServlet()), jettyAudit);
        RecordingAuditSink tomcatAudit = new RecordingAuditSink();
        audits.put(ContainerFixture.tomcat(new ApigwSecurityFilter(config, ControlKind.all(), tomcatAudit),
                new BodyServlet()), tomcatAudit);
    }

    @AfterAll
    void stop() throws Exception {
        for (ContainerFixture c : audits.keySet()) {
            c.close();
        }
    }

    Stream<Arguments> containers() {
        return audits.keySet().stream().map(Arguments::of);
    }

    private RecordingAuditSink audit(ContainerFixture c) {
        return audits.get(c);
    }

    private HttpResponse<String> send(ContainerFixture c, String method, String target, String contentType,
                                      byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port() + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postJson(ContainerFixture c, String json, String... headers) throws Exception {
        return send(c, "POST", "/pets", "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    // --- limits while reading -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusesAHundredMebibyteChunkedUploadAtTheLimitWithoutBufferingIt(ContainerFixture c) throws Exception {
        String id = "upload-" + UUID.randomUUID();
        var result = new ChunkedUpload(c.port()).send("/pets", HUNDRED_MIB, "Content-Type: application/json",
                "X-Request-Id: " + id);
        assertThat(result.response().status()).isEqualTo(413);
        assertThat(result.response().body()).contains("\"reason\":\"body_too_large\"");
        AuditRecord record = audit(c).await(id);
        assertThat(record.status()).isEqualTo(413);
        assertThat(record.bytesIn()).as("body bytes the filter read").isLessThanOrEqualTo(LIMIT + 1);
        assertThat(record.note()).contains("stopped reading after " + (LIMIT + 1) + " bytes");
        assertThat(result.sent()).as("the server stopped taking the body long before its end").isLessThan(HUNDRED_MIB);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void cutsAStreamingUploadThatNoControlReadsAtTheLimit(ContainerFixture c) throws Exception {
        String id = "stream-" + UUID.randomUUID();
        var result = new ChunkedUpload(c.port()).send("/upload", HUNDRED_MIB, "Content-Type: application/octet-stream",
                "X-Read: count", "X-Request-Id: " + id);
        assertThat(result.response().status()).isEqualTo(413);
        assertThat(result.response().body()).contains("\"reason\":\"body_too_large\"").doesNotContain("read failed");
        AuditRecord record = audit(c).await(id);
        assertThat(record.reason()).isEqualTo("body_too_large");
        assertThat(record.bytesIn()).isLessThanOrEqualTo(LIMIT + 1);
        assertThat(result.sent()).isLessThan(HUNDRED_MIB);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void auditsAnOversizedStreamEvenWhenTheApplicationAnsweredItself(ContainerFixture c) throws Exception {
        String id = "answered-" + UUID.randomUUID();
        var result = new ChunkedUpload(c.port()).send("/upload", 4L * LIMIT, "Content-Type: application/octet-stream",
                "X-Read: count-and-answer", "X-Request-Id: " + id);
        assertThat(result.response().status()).as("the application committed its own answer").isEqualTo(500);
        assertThat(audit(c).await(id).reason()).isEqualTo("body_too_large");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void aStreamingUploadUnderTheLimitReachesTheApplicationWhole(ContainerFixture c) throws Exception {
        var result = new ChunkedUpload(c.port()).send("/upload", LIMIT, "Content-Type: application/octet-stream",
                "X-Read: count");
        assertThat(result.response().status()).isEqualTo(200);
        assertThat(result.response().body()).isEqualTo("{\"bytes\":" + LIMIT + "}");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusesADeclaredLengthOverTheLimitBeforeReadingAByte(ContainerFixture c) throws Exception {
        String id = "declared-" + UUID.randomUUID();
        // Only the head is sent: the answer must come without waiting for the body. (Tomcat then keeps the
        // connection to drain up to its maxSwallowSize, so the answer is read by its length, not to the close.)
        var r = firstResponse(c, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + HUNDRED_MIB + "\r\nX-Request-Id: " + id + "\r\n\r\n");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        AuditRecord record = audit(c).await(id);
        assertThat(record.bytesIn()).isZero();
        assertThat(record.note()).contains("declared Content-Length " + HUNDRED_MIB + "; not read");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusesHeadersOverTheLimit(ContainerFixture c) throws Exception {
        var r = send(c, "GET", "/pets?limit=5", null, null, "X-Big", "x".repeat(5000));
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.body()).contains("\"reason\":\"headers_too_large\"");
    }

    /** Sends raw bytes and reads one response by its {@code Content-Length}, without waiting for the close. */
    private static RawHttpClient.Response firstResponse(ContainerFixture c, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", c.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            var parsed = RawHttpClient.Response.parse(head.toByteArray());
            byte[] body = in.readNBytes(Integer.parseInt(parsed.header("Content-Length")));
            head.write(body);
            return RawHttpClient.Response.parse(head.toByteArray());
        }
    }

    // --- JSON limits and schema -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusesATenThousandDeepArray(ContainerFixture c) throws Exception {
        var r = postJson(c, "[".repeat(10_000) + "]".repeat(10_000));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"reason\":\"validation_failed\"")
                .contains("\"location\":\"body\"", "\"message\":\"nests arrays and objects deeper than 32 levels\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusesDuplicateKeysAndTrailingContent(ContainerFixture c) throws Exception {
        assertThat(postJson(c, "{\"name\":\"Kit\",\"name\":\"Rex\"}").body())
                .contains("{\"location\":\"body\",\"pointer\":\"/name\",\"message\":\"names the same property twice\"}");
        assertThat(postJson(c, "{\"name\":\"Kit\"} {\"name\":\"Rex\"}").body())
                .contains("{\"location\":\"body\",\"pointer\":\"\",\"message\":\"has content after the JSON value\"}");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void listsEverySchemaViolationWithoutEchoingTheInput(ContainerFixture c) throws Exception {
        var r = send(c, "POST", "/pets?dryRun=perhaps", "application/json", """
                {"kind": "<script>alert(1)</script>", "age": -1, "tags": [1], "<img src=x>": true}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains(
                "{\"location\":\"query\",\"pointer\":\"dryRun\",\"message\":\"must be true or false\"}",
                "{\"location\":\"body\",\"pointer\":\"/name\",\"message\":\"is required\"}",
                "{\"location\":\"body\",\"pointer\":\"/kind\",\"message\":\"must be one of: cat, dog\"}",
                "{\"location\":\"body\",\"pointer\":\"/age\",\"message\":\"must be at least 0\"}",
                "{\"location\":\"body\",\"pointer\":\"/tags/0\",\"message\":\"must be a string\"}",
                "\"pointer\":\"/\\u003cimg src=x\\u003e\",\"message\":\"is not allowed\"");
        assertThat(r.body()).doesNotContain("<", "script", "alert", "perhaps");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void theApplicationReadsAValidatedJsonBodyUnchanged(ContainerFixture c) throws Exception {
        String json = "{\"name\":\"K\u00e4tzchen \ud83d\udc31\",\"kind\":\"cat\",\"tags\":[\"a\\\"b\"]}";
        var stream = postJson(c, json, "X-Read", "stream");
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).isEqualTo(json);
        assertThat(postJson(c, json, "X-Read", "reader").body()).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void theApplicationReadsAValidatedFormThroughGetParameter(ContainerFixture c) throws Exception {
        byte[] form = "name=O%27Brien+%C3%A9&tag=a&tag=b".getBytes(StandardCharsets.US_ASCII);
        var r = send(c, "POST", "/forms?source=web", "application/x-www-form-urlencoded", form, "X-Read", "params");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"source\":\"web\",\"name\":\"O'Brien \u00e9\",\"tag\":\"a|b\"}");
        var raw = send(c, "POST", "/forms", "application/x-www-form-urlencoded", form, "X-Read", "stream");
        assertThat(raw.body()).isEqualTo(new String(form, StandardCharsets.US_ASCII));
        var invalid = send(c, "POST", "/forms", "application/x-www-form-urlencoded",
                "name=abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII));
        assertThat(invalid.body()).contains("\"pointer\":\"/name\",\"message\":\"must be at most 20 characters long\"");
    }

    // --- media types and parameters -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void refusesOtherMediaTypesAndCharsets(ContainerFixture c) throws Exception {
        byte[] body = "{\"name\":\"Kit\"}".getBytes(StandardCharsets.UTF_8);
        var text = send(c, "POST", "/pets", "text/plain", body);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("\"reason\":\"unsupported_media_type\"", "This endpoint accepts application/json.");
        assertThat(send(c, "POST", "/pets", "application/json; charset=iso-8859-1", body).statusCode()).isEqualTo(415);
        assertThat(send(c, "POST", "/pets", "Application/JSON; charset=UTF-8", body).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void checksTypedQueryParameters(ContainerFixture c) throws Exception {
        assertThat(send(c, "GET", "/pets?limit=5&sort=asc", null, null).statusCode()).isEqualTo(200);
        assertThat(send(c, "GET", "/pets?limit=abc", null, null).body())
                .contains("{\"location\":\"query\",\"pointer\":\"limit\",\"message\":\"must be an integer\"}");
        assertThat(send(c, "GET", "/pets?limit=500&sort=up", null, null).body())
                .contains("{\"location\":\"query\",\"pointer\":\"limit\",\"message\":\"must be at most 100\"}",
                        "{\"location\":\"query\",\"pointer\":\"sort\",\"message\":\"must be one of: asc, desc\"}");
        assertThat(send(c, "GET", "/pets", null, null).body())
                .contains("{\"location\":\"query\",\"pointer\":\"limit\",\"message\":\"is required\"}");
        assertThat(send(c, "GET", "/pets?limit=5&limit=500", null, null).body())
                .contains("\"pointer\":\"limit\",\"message\":\"must be given once\"");
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("containers")
    void checksPathParametersAndHeaders(ContainerFixture c) throws Exception {
        assertThat(send(c, "GET", "/pets/7", null, null, "X-Tenant", "acme").statusCode()).isEqualTo(200);
        var r = send(c, "GET", "/pets/0", null, null, "X-Tenant", "ACME!");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("{\"location\":\"path\",\"pointer\":\"id\",\"message\":\"must be at least 1\"}",
                "{\"location\":\"header\",\"pointer\":\"X-Tenant\",\"message\":\"does not have the expected format\"}");
        assertThat(send(c, "GET", "/pets/abc", null, null).body()).contains(
                "{\"location\":\"path\",\"pointer\":\"id\",\"message\":\"must be an integer\"}",
                "{\"location\":\"header\",\"pointer\":\"X-Tenant\",\"message\":\"is required\"}");
    }
}
