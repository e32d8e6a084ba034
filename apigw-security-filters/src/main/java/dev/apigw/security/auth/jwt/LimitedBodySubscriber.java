package dev.apigw.security.auth.jwt;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body and gives up as soon as it passes the limit, so an oversized document is never held in
 * memory: the limit applies while reading, not after.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final int maxBytes;
    private final JwksFetchException refusal;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private LimitedBodySubscriber(int maxBytes, JwksFetchException refusal) {
        this.maxBytes = maxBytes;
        this.refusal = refusal;
    }

    /** Reads up to {@code maxBytes}. */
    static LimitedBodySubscriber upTo(int maxBytes) {
        return new LimitedBodySubscriber(maxBytes, null);
    }

    /** Reads nothing and fails with the reason, e.g. for a non-200 status. */
    static LimitedBodySubscriber refusing(JwksFetchException reason) {
        return new LimitedBodySubscriber(0, reason);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (refusal != null) {
            s.cancel();
            result.completeExceptionally(refusal);
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + item.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(tooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    static JwksFetchException tooLarge(int maxBytes) {
        return new JwksFetchException("document larger than " + maxBytes + " bytes");
    }
}
