package dev.apigw.security.validate.signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrlfDetectorTest {

    private final Detector detector = new CrlfDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "x\r\nSet-Cookie: session=evil", "en\nLocation: https://evil.example/", "a\r\n\r\nHTTP/1.1 200 OK",
        "x\nContent-Length: 0", "GET http://evil.example/ HTTP/1.1", "y\r\nPOST / HTTP/1.1",
    })
    void detectsInjectedHeadersAndRequestLines(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dear team,\r\nthanks for the update.\r\n\r\nRegards", "line one\nline two",
        "Note:\nlocation:\n", "Tab\tseparated\tvalues", "Re: your order\nSubject: hello"})
    void letsMultiLineTextPass(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isFalse();
    }

    @Test
    void refusesAnyLineBreakInHeadersNamesAndPaths() {
        for (Slot slot : new Slot[] {Slot.HEADER, Slot.NAME, Slot.PATH}) {
            assertThat(detector.matches("a\nb", slot)).as(slot.name()).isTrue();
            assertThat(detector.matches("a\rb", slot)).as(slot.name()).isTrue();
            assertThat(detector.matches("a b", slot)).as(slot.name()).isFalse();
        }
    }
}
