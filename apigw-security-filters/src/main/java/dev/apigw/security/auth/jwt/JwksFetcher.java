package dev.apigw.security.auth.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Reads the bytes of a JWK set from its {@code https:}, {@code http:} or {@code file:} URI, asynchronously and
 * within the limits of {@link JwksSettings}.
 *
 * <p>Redirects are not followed: the configured URI is the trust anchor, and a redirect would let whoever controls
 * the response point the gateway at another key set or an internal address. The whole fetch (connect, headers,
 * body) is bounded by {@code fetchTimeout}, the body by {@code maxDocumentBytes} while it is read.
 */
final class JwksFetcher {

    private final JwksSettings settings;
    private final Executor fileExecutor;
    private final HttpClient client;

    JwksFetcher(JwksSettings settings, Executor fileExecutor) {
        this.settings = settings;
        this.fileExecutor = fileExecutor;
        this.client = "file".equals(settings.scheme()) ? null : HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The document's bytes, or a {@link JwksFetchException} or I/O error, at the latest after the time-out. */
    CompletableFuture<byte[]> fetch() {
        CompletableFuture<byte[]> bytes = client == null
                ? CompletableFuture.supplyAsync(this::readFile, fileExecutor)
                : fetchHttp();
        return bytes.orTimeout(settings.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<byte[]> fetchHttp() {
        HttpRequest request = HttpRequest.newBuilder(settings.uri())
                .timeout(settings.fetchTimeout())
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, this::subscriberFor);
        CompletableFuture<byte[]> body = call.thenApply(HttpResponse::body);
        // When fetch() times the body out, the exchange must stop too, not just the waiting for it.
        body.whenComplete((b, error) -> {
            if (error != null) {
                call.cancel(true);
            }
        });
        return body;
    }

    private HttpResponse.BodySubscriber<byte[]> subscriberFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return LimitedBodySubscriber.refusing(new JwksFetchException("HTTP status " + info.statusCode()));
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > settings.maxDocumentBytes()) {
            return LimitedBodySubscriber.refusing(LimitedBodySubscriber.tooLarge(settings.maxDocumentBytes()));
        }
        return LimitedBodySubscriber.upTo(settings.maxDocumentBytes());
    }

    private byte[] readFile() {
        try (InputStream in = Files.newInputStream(Path.of(settings.uri()))) {
            byte[] data = in.readNBytes(settings.maxDocumentBytes() + 1);
            if (data.length > settings.maxDocumentBytes()) {
                throw LimitedBodySubscriber.tooLarge(settings.maxDocumentBytes());
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
