package dev.apigw.security.examples;

import dev.apigw.security.AuditRecord;
import dev.apigw.security.AuditSink;
import dev.apigw.security.audit.AuditRecordFormat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The demo's {@code --audit-file}: one JSON record per line, appended and flushed per record so that a reader (or a
 * test) sees each record as soon as its request is done. A demo convenience, serialised on one lock; production
 * setups route the {@code apigw.audit} logger to an asynchronous appender instead.
 */
final class FileAuditSink implements AuditSink, AutoCloseable {

    private final BufferedWriter out;

    FileAuditSink(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit file " + file, e);
        }
    }

    @Override
    public synchronized void write(AuditRecord record) {
        try {
            out.write(AuditRecordFormat.toJson(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            System.err.println("writing the audit file failed: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
