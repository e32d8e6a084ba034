package dev.apigw.security.validate.signature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraversalDetectorTest {

    private final Detector detector = new TraversalDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "../../etc/passwd", "..\\..\\windows\\win.ini", "../config.php", "..;/admin", ".../.../boot.ini",
        "/var/www/../../etc/shadow", "0x2e0x2e0x2f0x2e0x2e0x2fetc", "/etc/passwd", "cat /etc/passwd",
        "file:///etc/passwd", "/proc/self/environ", "/home/app/.ssh/id_rsa", "/app/.env", ".env",
        "/.git/config", "/wp-config.php", "C:\\Windows\\System32\\drivers\\etc\\hosts", "/.claude/settings.json",
        "/root/.aws/credentials", "backup.sql.zip",
    })
    void detectsTraversal(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "../ is the parent folder in a path explanation", "etc. etc.", "Loading...", "wait.../then",
        "/test.environment", "firstname.dockery@host.tld", "Put secrets in .env files", "edit your php.ini",
        "/jquery.history.min.js", "/api/continue/session", "C:\\Users\\Public\\Documents", "/.well-known/jwks.json",
        "./assets/logo.png", "1.5..2.5",
    })
    void letsOrdinaryPathsPass(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isFalse();
    }
}
