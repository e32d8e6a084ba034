package dev.apigw.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyTest {

    @Test
    void keepsTheBytesAndHandsOutCopies() throws Exception {
        byte[] buffer = "{\"a\":1}....".getBytes(StandardCharsets.UTF_8);
        RequestBody body = RequestBody.of(buffer, 7);
        assertThat(body.length()).isEqualTo(7);
        assertThat(body.open().readAllBytes()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        body.toByteArray()[0] = 'x';
        assertThat(body.toByteArray()[0]).isEqualTo((byte) '{');
        assertThat(body).hasToString("RequestBody[READ, 7 bytes]");
    }

    @Test
    void makesEachViewOnce() {
        RequestBody body = RequestBody.of(new byte[] {1, 2}, 2);
        AtomicInteger parses = new AtomicInteger();
        String first = body.view(String.class, b -> "parsed " + parses.incrementAndGet());
        assertThat(body.view(String.class, b -> "parsed " + parses.incrementAndGet())).isSameAs(first);
        assertThat(parses).hasValue(1);
    }

    @Test
    void saysWhyABodyCannotBeUsedWithoutItsContent() {
        assertThat(RequestBody.tooLarge(1024, 1025).status()).isEqualTo(RequestBody.Status.TOO_LARGE);
        assertThat(RequestBody.tooLarge(1024, 1025).detail()).isEqualTo("over 1024 bytes; stopped reading after 1025 bytes");
        assertThat(RequestBody.unreadable("EofException").length()).isZero();
        assertThat(RequestBody.empty().isEmpty()).isTrue();
        assertThatThrownBy(() -> RequestBody.of(new byte[2], 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
