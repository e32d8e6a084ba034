package dev.apigw.security.servlet;

import dev.apigw.security.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body into memory, never past the limit: at most {@code limit} bytes are kept and one more is read
 * to tell whether the body goes on. The buffer grows with what arrives, so a body that only claims a large
 * {@code Content-Length} costs nothing until its bytes come.
 */
final class BodyBuffer {

    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private BodyBuffer() {
    }

    /**
     * @param declared the {@code Content-Length}, or -1
     * @param counter  told every byte read from the container
     */
    static RequestBody read(InputStream in, long declared, long limit, BodyCounter counter) {
        long keep = Math.min(limit, MAX_ARRAY);
        byte[] buffer = new byte[(int) Math.min(keep, declared >= 0 ? declared : FIRST_CHUNK)];
        int length = 0;
        try {
            while (true) {
                if (length == buffer.length) {
                    if (length == keep) {
                        return atLimit(in, buffer, limit, counter);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(keep, Math.max(FIRST_CHUNK, 2L * length)));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return RequestBody.of(buffer, length);
                }
                length += n;
                counter.add(n);
            }
        } catch (IOException e) {
            return RequestBody.unreadable("reading stopped after " + length + " bytes: " + e.getClass().getSimpleName());
        }
    }

    /** The buffer holds {@code limit} bytes: one more byte means the body is too large. */
    private static RequestBody atLimit(InputStream in, byte[] buffer, long limit, BodyCounter counter)
            throws IOException {
        if (in.read() < 0) {
            return RequestBody.of(buffer, buffer.length);
        }
        counter.add(1);
        counter.exceeded();
        return RequestBody.tooLarge(limit, limit + 1);
    }
}
