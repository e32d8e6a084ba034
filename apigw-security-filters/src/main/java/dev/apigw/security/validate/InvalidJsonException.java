package dev.apigw.security.validate;

/**
 * A JSON body that cannot be read within {@link JsonLimits}: where (a JSON Pointer) and what, worded for the client
 * without repeating its text. Checked, so that no caller forgets to turn it into a 400.
 */
final class InvalidJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    InvalidJsonException(String pointer, String message) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    String pointer() {
        return pointer;
    }
}
