package dev.apigw.security.validate.signature;

/**
 * What kind of text a detector is looking at, which changes what is normal: a line break is ordinary in a body
 * value but never in a header or a parameter name.
 */
enum Slot {
    /** A query, form, JSON or cookie value, or a value scanned on its own. */
    VALUE,
    /** A parameter, cookie or JSON member name. */
    NAME,
    /** A header value: it came from, and may go back to, a header. */
    HEADER,
    /** The normalised request path. */
    PATH
}
