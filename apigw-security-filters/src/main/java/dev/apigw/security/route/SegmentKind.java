package dev.apigw.security.route;

/**
 * What one segment of a {@link PathTemplate} matches, declared from the most to the least specific so that the
 * ordinal is the rank used to pick the most specific route.
 */
enum SegmentKind {
    /** Exactly this text. */
    LITERAL,
    /** {@code {name}}: any one segment, captured. */
    PARAMETER,
    /** {@code *}: any one segment. */
    WILDCARD,
    /** Where the template has no more segments: outranks only {@code **}, so {@code /pets} beats {@code /pets/**}. */
    END,
    /** {@code **}: zero or more segments, last only. */
    ANY_DEPTH
}
