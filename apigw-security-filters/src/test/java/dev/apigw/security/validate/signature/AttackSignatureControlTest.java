package dev.apigw.security.validate.signature;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttackSignatureControlTest {

    private static final String PAYLOAD = "<script>alert('pwned')</script>";
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AttackSignatureControl.LOGGER);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void blocksWith403AndNeverEchoesTheInput() {
        Decision d = control(AttackSignatureSettings.Mode.BLOCK).decide(exchange("q", PAYLOAD));
        assertThat(d.proceeds()).isFalse();
        Problem p = ((Decision.Reject) d).problem();
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.reason()).isEqualTo("attack_signature");
        assertThat(p.detail()).doesNotContain("script").doesNotContain("pwned");
        assertThat(p.internalNote()).isEqualTo("attack signature: xss in query \"q\"");
    }

    @Test
    void logModeProceedsAndLogsCategoryAndPlaceButNotTheValue() {
        Decision d = control(AttackSignatureSettings.Mode.LOG).decide(exchange("q", PAYLOAD));
        assertThat(d).isSameAs(Decision.proceed());
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
            assertThat(e.getFormattedMessage()).contains("xss in query \"q\"").contains("test-request-id")
                    .doesNotContain("pwned");
        });
    }

    @Test
    void offChecksNothing() {
        assertThat(control(AttackSignatureSettings.Mode.OFF).decide(exchange("q", PAYLOAD)))
                .isSameAs(Decision.proceed());
        assertThat(logged.list).isEmpty();
    }

    @Test
    void ordinaryRequestsProceedWithoutAllocatingADecision() {
        assertThat(control(AttackSignatureSettings.Mode.BLOCK).decide(exchange("name", "O'Brien")))
                .isSameAs(Decision.proceed());
    }

    @Test
    void decidesOverBodyStringsWithExclusions() {
        AttackSignatureControl c = new AttackSignatureControl(
                AttackSignatureSettings.builder().exclude("/bio").build());
        FakeExchange ex = FakeExchange.of(FakeRequest.request("POST", "/pets").build());
        assertThat(c.decideBody(ex, List.of(new BodyValue("/bio", "<b onclick=go()>hi</b>"))).proceeds()).isTrue();
        Decision d = c.decideBody(ex, List.of(new BodyValue("/name", "Kit'; DROP TABLE pets;--")));
        assertThat(((Decision.Reject) d).problem().internalNote())
                .isEqualTo("attack signature: sqli in body \"/name\"");
    }

    private static AttackSignatureControl control(AttackSignatureSettings.Mode mode) {
        return new AttackSignatureControl(AttackSignatureSettings.builder().mode(mode).build());
    }

    private static FakeExchange exchange(String name, String value) {
        return FakeExchange.of(FakeRequest.get("/pets").query(name, value).build());
    }
}
