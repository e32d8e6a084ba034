package dev.apigw.security.servlet;

import dev.apigw.security.Decision;
import dev.apigw.security.chain.RequestExchange;

/**
 * The audit record's {@code throttle.remaining} (CONTRACT §5): the fewest requests left in any limit the throttle
 * described, read back from the {@code RateLimit} field it put on the response, so the throttle needs no second
 * channel to the audit.
 */
final class ThrottleRemaining {

    private static final String FIELD = "RateLimit";

    private ThrottleRemaining() {
    }

    /** The remaining requests of the tightest limit, or {@code null} where no limit applied. */
    static Long of(RequestExchange exchange) {
        String field = exchange.rejected() ? exchange.problem().headers().get(FIELD) : null;
        for (Decision.Header h : exchange.responseHeaders()) {
            if (field == null && h.name().equals(FIELD)) {
                field = h.value();
            }
        }
        return field == null ? null : min(field);
    }

    /** The smallest {@code r} parameter of a RateLimit field such as {@code "route";r=3;t=1, "quota";r=9;t=60}. */
    static Long min(String field) {
        Long min = null;
        int at = field.indexOf(";r=");
        while (at >= 0) {
            int end = at + 3;
            long value = 0;
            while (end < field.length() && Character.isDigit(field.charAt(end)) && value < Long.MAX_VALUE / 10) {
                value = value * 10 + (field.charAt(end++) - '0');
            }
            min = min == null ? value : Math.min(min, value);
            at = field.indexOf(";r=", end);
        }
        return min;
    }
}
