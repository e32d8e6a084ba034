package dev.apigw.security.servlet;

import dev.apigw.security.chain.RequestExchange;
import org.slf4j.MDC;

/**
 * Puts the request's correlation values into the SLF4J MDC while the application runs, so its own log lines carry
 * {@code requestId}, {@code traceId} and {@code clientIp} without asking the library.
 */
final class RequestMdc {

    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String CLIENT_IP = "clientIp";

    private RequestMdc() {
    }

    static void put(RequestExchange exchange) {
        MDC.put(REQUEST_ID, exchange.requestId());
        MDC.put(CLIENT_IP, exchange.clientAddress().text());
        if (exchange.traceId() != null) {
            MDC.put(TRACE_ID, exchange.traceId());
        }
    }

    static void clear() {
        MDC.remove(REQUEST_ID);
        MDC.remove(CLIENT_IP);
        MDC.remove(TRACE_ID);
    }
}
