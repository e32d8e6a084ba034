package dev.apigw.security.audit;

import dev.apigw.security.SecurityEvent;
import dev.apigw.security.SecurityEventListener;
import dev.apigw.security.json.JsonLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.format.DateTimeFormatter;

/**
 * The default {@link SecurityEventListener}: one JSON line per event on the {@code apigw.security} logger, at WARN, so
 * that security events can be routed apart from the access records of {@code apigw.audit}.
 */
public final class SecurityEventLog implements SecurityEventListener {

    /** The logger name of the security events. */
    public static final String LOGGER = "apigw.security";

    private final Logger logger = LoggerFactory.getLogger(LOGGER);

    @Override
    public void onEvent(SecurityEvent e) {
        if (!logger.isWarnEnabled()) {
            return;
        }
        logger.warn(new JsonLine(256)
                .field("time", DateTimeFormatter.ISO_INSTANT.format(e.time()))
                .field("event", e.type())
                .field("requestId", e.requestId())
                .field("clientIp", e.clientIp())
                .field("route", e.route())
                .field("reason", e.reason())
                .field("detail", e.detail())
                .end());
    }
}
