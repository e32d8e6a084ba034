package dev.apigw.security.validate;

import dev.apigw.security.Decision;
import dev.apigw.security.RequestView;
import dev.apigw.security.SecurityControl;
import dev.apigw.security.SecurityExchange;

/**
 * The size limits every request meets before anything else reads it (CONTRACT §2: before brute-force and
 * authentication): headers over {@code maxHeaderSize} get 431, a {@code Content-Length} over {@code maxBodySize} 413
 * without a byte of the body being read.
 *
 * <p>A body sent without a length (chunked, HTTP/2) is counted while it is read instead: by the servlet adapter when a
 * control asks for it, and by a counting stream when the application reads it.
 *
 * <p>The header size is the sum of the names and values as the container hands them over (each value with its name).
 * Containers refuse oversized headers themselves before any filter runs (Jetty and Tomcat at 8 KiB by default); this
 * limit matters where it is lower than theirs.
 */
public final class SizeLimitControl implements SecurityControl {

    private final long maxBodySize;
    private final long maxHeaderSize;

    public SizeLimitControl(ValidationSettings settings) {
        this.maxBodySize = settings.maxBodySize();
        this.maxHeaderSize = settings.maxHeaderSize();
    }

    @Override
    public Decision decide(SecurityExchange exchange) {
        RequestView request = exchange.request();
        long headerSize = 0;
        for (String name : request.headerNames()) {
            for (String value : request.headers(name)) {
                headerSize += name.length() + value.length();
            }
            if (headerSize > maxHeaderSize) {
                return Decision.reject(ValidationProblems.headersTooLarge(maxHeaderSize, headerSize));
            }
        }
        long declared = declaredLength(request.header("Content-Length"));
        if (declared > maxBodySize) {
            return Decision.reject(ValidationProblems.bodyTooLarge(maxBodySize,
                    "declared Content-Length " + declared + "; not read"));
        }
        return Decision.proceed();
    }

    /** The declared length, {@link Long#MAX_VALUE} for one too long to be a number, -1 where absent or malformed. */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        String digits = header.strip();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
