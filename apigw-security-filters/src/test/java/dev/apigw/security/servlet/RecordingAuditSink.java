package dev.apigw.security.servlet;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.AuditSink;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps the audit records a filter writes, so a test can wait for the one of its request. */
final class RecordingAuditSink implements AuditSink {

    private final BlockingQueue<AuditRecord> records = new LinkedBlockingQueue<>();

    @Override
    public void write(AuditRecord record) {
        records.add(record);
    }

    /** The record of the request with this id; the filter writes it just after the response, so it may need a moment. */
    AuditRecord await(String requestId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            AuditRecord r = records.poll(100, TimeUnit.MILLISECONDS);
            if (r != null && requestId.equals(r.requestId())) {
                return r;
            }
        }
        throw new AssertionError("no audit record for request " + requestId);
    }
}
