package dev.apigw.security.throttle;

/**
 * A shared {@link BucketStore} could not answer in time; the store's {@code onFailure} decides what the request
 * gets.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
