package dev.apigw.security;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The body of one request as the servlet adapter read it for the controls: read once, never past the body limit, and
 * kept so that the application still receives it unchanged.
 *
 * <p>A body is read only when a control asks for it ({@link RequestView#body()}), so streaming uploads to routes that
 * no control inspects stay streaming. What controls derive from the bytes (the JSON tree, the form fields) is kept
 * with the body by {@link #view}, so that the request is parsed once however many controls look at it.
 *
 * <p>Confined to the request's thread, like the exchange.
 */
public final class RequestBody {

    /** How reading the body ended. */
    public enum Status {
        /** The whole body was read; it may be empty. */
        READ,
        /** The body is larger than the limit; reading stopped at the limit and nothing past it was kept. */
        TOO_LARGE,
        /** The body could not be read: the client went away or stopped sending. */
        UNREADABLE
    }

    private static final byte[] NOTHING = new byte[0];

    private final Status status;
    private final byte[] bytes;
    private final int length;
    private final String detail;
    private Map<Class<?>, Object> views;

    private RequestBody(Status status, byte[] bytes, int length, String detail) {
        this.status = status;
        this.bytes = bytes;
        this.length = length;
        this.detail = detail;
    }

    /** A request without a body. */
    public static RequestBody empty() {
        return new RequestBody(Status.READ, NOTHING, 0, "empty");
    }

    /**
     * A body that was read whole. The array is taken over, not copied: the caller must not change it afterwards.
     *
     * @param buffer holds the body in its first {@code length} bytes
     * @param length the number of bytes of the body
     */
    public static RequestBody of(byte[] buffer, int length) {
        Objects.checkFromIndexSize(0, length, buffer.length);
        return new RequestBody(Status.READ, buffer, length, length + " bytes");
    }

    /** A body over {@code limit} bytes, of which {@code seen} were read before reading stopped. */
    public static RequestBody tooLarge(long limit, long seen) {
        return new RequestBody(Status.TOO_LARGE, NOTHING, 0,
                "over " + limit + " bytes; stopped reading after " + seen + " bytes");
    }

    /** A body that could not be read; {@code why} is for operators, never for the client. */
    public static RequestBody unreadable(String why) {
        return new RequestBody(Status.UNREADABLE, NOTHING, 0, Objects.requireNonNull(why, "why"));
    }

    /** How reading ended. */
    public Status status() {
        return status;
    }

    /** Whether the body was read and holds no byte. */
    public boolean isEmpty() {
        return status == Status.READ && length == 0;
    }

    /** The number of bytes read; zero unless {@link Status#READ}. */
    public int length() {
        return length;
    }

    /** A new stream over the bytes. */
    public InputStream open() {
        return new ByteArrayInputStream(bytes, 0, length);
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** What happened while reading, for the audit record and logs: the size, or why reading stopped. */
    public String detail() {
        return detail;
    }

    /**
     * The view of this body of the given type, made by {@code parser} on the first call and shared afterwards: a
     * control that scans a JSON body and one that validates it use the same parsed tree.
     */
    public <T> T view(Class<T> type, Function<? super RequestBody, ? extends T> parser) {
        if (views == null) {
            views = new HashMap<>(4);
        }
        Object view = views.get(type);
        if (view == null) {
            view = Objects.requireNonNull(parser.apply(this), "a body view cannot be null");
            views.put(type, view);
        }
        return type.cast(view);
    }

    /** The status and size; never the content. */
    @Override
    public String toString() {
        return "RequestBody[" + status + ", " + detail + "]";
    }
}
