package dev.apigw.security.validate.signature;

/** Where in a request a signature matched. */
public enum Location {
    /** The normalised, decoded request path. */
    PATH("path"),
    /** A query parameter's name or value. */
    QUERY("query"),
    /** A request header's value. */
    HEADER("header"),
    /** A cookie's name or value. */
    COOKIE("cookie"),
    /** A string of the request body: a JSON member name or string, or a form field. */
    BODY("body"),
    /** A value scanned on its own, outside a request. */
    VALUE("value");

    private final String label;

    Location(String label) {
        this.label = label;
    }

    /** The lower-case name used in notes and logs, for example {@code query}. */
    public String label() {
        return label;
    }
}
