package dev.apigw.security.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Counts the body bytes the application writes, for the audit record's {@code bytesOut}. Bytes written through the
 * stream are exact; text written through the writer is counted in the response's charset where that is UTF-8 or a
 * single-byte charset, which covers what APIs send.
 */
final class CountingResponse extends HttpServletResponseWrapper {

    private long count;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    long bytesWritten() {
        return count;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new CountingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            boolean utf8 = StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding());
            writer = new PrintWriter(new CountingWriter(super.getWriter(), utf8), false);
        }
        return writer;
    }

    private final class CountingStream extends ServletOutputStream {
        private final ServletOutputStream out;

        CountingStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private final class CountingWriter extends Writer {
        private final Writer out;
        private final boolean utf8;

        CountingWriter(Writer out, boolean utf8) {
            this.out = out;
            this.utf8 = utf8;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.write(buf, off, len);
            count += utf8 ? utf8Length(buf, off, len) : len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private long utf8Length(char[] buf, int off, int len) {
            long n = 0;
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c < 0x80) {
                    n++;
                } else if (c < 0x800) {
                    n += 2;
                } else if (Character.isHighSurrogate(c)) {
                    n += 4;
                    i++;
                } else {
                    n += 3;
                }
            }
            return n;
        }
    }
}
