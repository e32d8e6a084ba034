package dev.apigw.security.validate.signature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class XssDetectorTest {

    private final Detector detector = new XssDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<ScRiPt src=//evil.example/x.js>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "\"><iframe src=javascript:alert(1)>",
        "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<body onload=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' autofocus onfocus=alert(document.domain) x='",
        "java\tscript:alert(1)",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "document.cookie",
        "window['alert'](1)",
        "eval(atob('YWxlcnQoMSk='))",
        "setTimeout('alert(1)',0)",
        "[].sort.call`${alert}1`",
        "{{constructor.constructor('alert(1)')()}}",
        "(![]+[])[+[]]",
        "<style>@import 'http://evil.example/x.css';</style>",
        "<div style=\"background:url(javascript:alert(1))\">",
        "</title><script>alert(1)</script>",
        "<!--#exec cmd=\"ls\"-->",
        "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">",
        "+ADw-script+AD4-alert(1)",
        "<f o r m action=x>",
        "alert`1`",
    })
    void detectsScript(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<3 love it", "x < y and y > z", "1 < 2 > 0", "<b>bold</b> is how HTML marks bold", "script kiddies",
        "The script ran in 3 minutes", "alert: the server is down", "onload times are slow today",
        "javascript developers wanted", "Learn javascript: a guide", "data: 5 rows", "eval period ends Friday",
        "Please confirm (yes or no)", "![](https://example.com/image.png)", "A --> B", "document ID: 42",
        "a<b", "Use <Ctrl> + <C> to copy",
    })
    void letsOrdinaryTextPass(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"  onload= ", "x onabcdefgh=1"})
    void refusesEventHandlersInNames(String name) {
        assertThat(detector.matches(name, Slot.NAME)).isTrue();
    }
}
