package dev.apigw.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a control decided about a request: proceed (perhaps with something learned and headers for the response),
 * reject with a {@link Problem}, or answer the request itself without a body ({@link Respond}, e.g. a CORS
 * preflight).
 *
 * <p>A decision is a value, never an exception, so that the pipeline writes every rejection in one place.
 */
public sealed interface Decision permits Decision.Proceed, Decision.Reject, Decision.Respond {

    /** Proceed with nothing learned and no header to add. Allocates nothing. */
    static Proceed proceed() {
        return Proceed.PLAIN;
    }

    /** Proceed, having established who the client is. */
    static Proceed authenticated(Identity identity) {
        return new Proceed(Objects.requireNonNull(identity, "identity"), List.of());
    }

    /** Refuse the request. */
    static Reject reject(Problem problem) {
        return new Reject(problem);
    }

    /**
     * End the request with a successful answer of the control's own, without a body: the application is not called.
     * For protocol answers such as a CORS preflight (Fetch §3.2.3: 204 with the grant headers); refusals are
     * {@link #reject} so that they stay problem+json.
     *
     * @param status  a 2xx status
     * @param headers the response headers, in order
     */
    static Respond respond(int status, List<Header> headers) {
        return new Respond(status, headers);
    }

    /** Whether the request may go on. */
    boolean proceeds();

    /**
     * Go on to the next control.
     *
     * @param identity        the identity established by this control, or {@code null}
     * @param responseHeaders headers to add to the response, whatever its status
     */
    record Proceed(Identity identity, List<Header> responseHeaders) implements Decision {
        private static final Proceed PLAIN = new Proceed(null, List.of());

        public Proceed {
            responseHeaders = List.copyOf(responseHeaders);
        }

        /** This decision with one more response header. */
        public Proceed withResponseHeader(String name, String value) {
            List<Header> copy = new ArrayList<>(responseHeaders);
            copy.add(new Header(name, value));
            return new Proceed(identity, copy);
        }

        @Override
        public boolean proceeds() {
            return true;
        }
    }

    /**
     * Stop here and answer the problem.
     *
     * @param problem what the client is told
     */
    record Reject(Problem problem) implements Decision {
        public Reject {
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public boolean proceeds() {
            return false;
        }
    }

    /**
     * Stop here and answer with a status and headers, without a body; the request counts as allowed.
     *
     * @param status  the HTTP status, 200 to 299
     * @param headers the response headers, in order
     */
    record Respond(int status, List<Header> headers) implements Decision {
        public Respond {
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("a control answers with a 2xx status, not " + status
                        + "; refuse with Decision.reject(Problem) instead");
            }
            headers = List.copyOf(headers);
        }

        @Override
        public boolean proceeds() {
            return false;
        }
    }

    /**
     * A response header.
     *
     * @param name  the field name
     * @param value the field value
     */
    record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
