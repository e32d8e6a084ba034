package dev.apigw.security.audit;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AuditSink}: one JSON line per request at INFO on the configured logger ({@code apigw.audit}).
 *
 * <p>Takes no lock of its own; whether the appender does is the logging setup's choice (docs describe an asynchronous
 * one). A failing appender never fails the request.
 */
public final class Slf4jAuditSink implements AuditSink {

    private final Logger logger;

    /** A sink writing to the named logger. */
    public Slf4jAuditSink(String loggerName) {
        this.logger = LoggerFactory.getLogger(loggerName);
    }

    @Override
    public void write(AuditRecord record) {
        if (!logger.isInfoEnabled()) {
            return;
        }
        try {
            logger.info(AuditRecordFormat.toJson(record));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Slf4jAuditSink.class).warn("writing an audit record failed: {}", e.toString());
        }
    }
}
