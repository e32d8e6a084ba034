package dev.apigw.security.servlet;

import dev.apigw.security.Decision;
import dev.apigw.security.chain.RequestExchange;
import dev.apigw.security.validate.ValidationProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The late 413: a body no control needed streams to the application, and the application read past
 * {@code maxBodySize}. Its read failed with an {@link IOException}; whatever it answered, an uncommitted response
 * becomes 413 {@code body_too_large}, and the audit record says so either way.
 */
final class OversizeBody {

    private OversizeBody() {
    }

    static boolean readPastLimit(HttpServletRequest request) {
        return request instanceof BodyRequest bodies && bodies.overLimit();
    }

    /**
     * Marks the exchange refused when the application read past the limit, and answers 413 if the response is not
     * committed. Never throws: a client that cannot receive the answer has gone.
     */
    static void answer(HttpServletRequest request, HttpServletResponse response, RequestExchange exchange,
                       String requestIdHeader) {
        if (!(request instanceof BodyRequest bodies) || !bodies.overLimit() || exchange.rejected()) {
            return;
        }
        var problem = ValidationProblems.bodyTooLarge(bodies.limit(), "read by the application past the limit");
        exchange.refuseAfterward(problem);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setHeader(requestIdHeader, exchange.requestId());
            for (Decision.Header h : exchange.responseHeaders()) {
                response.addHeader(h.name(), h.value());
            }
            ProblemResponse.write(response, problem, exchange.requestId());
        } catch (IOException | IllegalStateException clientGone) {
            // the audit record still says body_too_large
        }
    }
}
