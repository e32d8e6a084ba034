package dev.apigw.security.auth.apikey;

/**
 * An API key file that cannot be used, with the JSON pointer of the bad node (RFC 6901) and what would be right.
 *
 * <p>The message never holds a key, a hash or any other value from the file: it goes to start-up errors and logs.
 */
public final class ApiKeyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    ApiKeyFileException(String source, String pointer, String problem) {
        super(source + " error at " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
        this.pointer = pointer;
    }

    /** The JSON pointer of the bad node; empty for the whole document. */
    public String pointer() {
        return pointer;
    }
}
