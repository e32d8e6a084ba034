package dev.apigw.security.servlet;

import dev.apigw.security.RequestBody;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a body never takes more than the limit and one byte from the container, whatever the body claims. */
class BodyBufferTest {

    private static final long HUNDRED_MIB = 100L * 1024 * 1024;

    /** A body of {@code size} bytes made on demand, counting what was taken from it. */
    static final class Generated extends ServletInputStream {
        private final long size;
        private long taken;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return taken < size ? (int) (taken++ & 0x3f) + ' ' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (taken >= size) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(size - taken, 16 * 1024));
            taken += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return taken >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void stopsOneBytePastTheLimitOfAHundredMebibyteBody() {
        Generated body = new Generated(HUNDRED_MIB);
        BodyCounter counter = new BodyCounter();
        RequestBody read = BodyBuffer.read(body, -1, 1024 * 1024, counter);
        assertThat(read.status()).isEqualTo(RequestBody.Status.TOO_LARGE);
        assertThat(body.taken).isEqualTo(1024 * 1024 + 1);
        assertThat(counter.bytes()).isEqualTo(1024 * 1024 + 1);
        assertThat(counter.isExceeded()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 8191, 8192, 8193, 65_536, 1024 * 1024})
    void readsABodyUpToTheLimitWhole(long size) {
        RequestBody read = BodyBuffer.read(new Generated(size), -1, 1024 * 1024, new BodyCounter());
        assertThat(read.status()).isEqualTo(RequestBody.Status.READ);
        assertThat(read.length()).isEqualTo((int) size);
    }

    @Test
    void doesNotTrustTheDeclaredLengthForItsBuffer() {
        RequestBody read = BodyBuffer.read(new Generated(10), 1024 * 1024, 1024 * 1024, new BodyCounter());
        assertThat(read.length()).isEqualTo(10);
    }

    @Test
    void aBrokenConnectionMakesAnUnreadableBody() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }
        };
        assertThat(BodyBuffer.read(broken, -1, 100, new BodyCounter()).status())
                .isEqualTo(RequestBody.Status.UNREADABLE);
    }

    @Test
    void aStreamingReadFailsPastTheLimitHavingTakenOneByteMore() throws IOException {
        Generated body = new Generated(HUNDRED_MIB);
        BodyCounter counter = new BodyCounter();
        LimitedInputStream in = new LimitedInputStream(body, 1000, counter);
        byte[] chunk = new byte[300];
        assertThatThrownBy(() -> {
            while (in.read(chunk) >= 0) {
                // an application streaming the body
            }
        }).isInstanceOf(IOException.class).hasMessage("the request body is larger than 1000 bytes");
        assertThat(body.taken).isEqualTo(1001);
        assertThat(counter.isExceeded()).isTrue();
    }

    @Test
    void aStreamingReadUnderTheLimitIsUntouched() throws IOException {
        BodyCounter counter = new BodyCounter();
        LimitedInputStream in = new LimitedInputStream(new Generated(1000), 1000, counter);
        assertThat(in.readAllBytes()).hasSize(1000);
        assertThat(counter.isExceeded()).isFalse();
        assertThat(counter.bytes()).isEqualTo(1000);
    }
}
