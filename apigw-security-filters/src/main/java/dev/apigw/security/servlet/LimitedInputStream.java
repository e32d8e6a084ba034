package dev.apigw.security.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;

/**
 * The container's body stream as the application reads it where no control needed the body: still streaming, but
 * counted, and cut at the limit. Reading past {@code maxBodySize} fails with an {@link IOException}, and the filter
 * answers 413 if the response is not committed yet. At most one byte past the limit is ever read.
 */
final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final BodyCounter counter;
    private long read;

    LimitedInputStream(ServletInputStream in, long limit, BodyCounter counter) {
        this.in = in;
        this.limit = limit;
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        refuseIfOver();
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        refuseIfOver();
        int n = in.read(b, off, (int) Math.min(len, limit - read + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        counter.add(n);
        refuseIfOver();
    }

    private void refuseIfOver() throws IOException {
        if (read > limit) {
            counter.exceeded();
            throw new IOException("the request body is larger than " + limit + " bytes");
        }
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
