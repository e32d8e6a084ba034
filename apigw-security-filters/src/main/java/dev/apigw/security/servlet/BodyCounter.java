package dev.apigw.security.servlet;

/**
 * The body bytes one request read from the container, by the filter or the application, and whether they went past
 * the limit: the audit record's {@code bytesIn}, and the cue for a late 413.
 */
final class BodyCounter {

    private long bytes;
    private boolean exceeded;

    void add(long n) {
        bytes += n;
    }

    void exceeded() {
        exceeded = true;
    }

    long bytes() {
        return bytes;
    }

    boolean isExceeded() {
        return exceeded;
    }
}
