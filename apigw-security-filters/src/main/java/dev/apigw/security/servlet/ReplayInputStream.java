package dev.apigw.security.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Hands the application a body the filter already read, byte for byte, blocking or non-blocking (Servlet §3.7): all
 * of it is available at once, so a read listener is told so straight away.
 */
final class ReplayInputStream extends ServletInputStream {

    private final InputStream bytes;
    private boolean finished;

    ReplayInputStream(InputStream bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        int b = bytes.read();
        finished = b < 0;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = bytes.read(b, off, len);
        finished = n < 0 || bytes.available() == 0;
        return n;
    }

    @Override
    public int available() throws IOException {
        return bytes.available();
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        try {
            if (bytes.available() > 0) {
                listener.onDataAvailable();
            }
            listener.onAllDataRead();
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        }
    }
}
