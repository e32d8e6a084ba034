package dev.apigw.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a control decided about a request: proceed (perhaps with something learned and headers for the response) or
 * reject with a {@link Problem}.
 *
 * <p>A decision is a value, never an exception, so that the pipeline writes every rejection in one place.
 */
public sealed interface Decision permits Decision.Proceed, Decision.Reject {

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
