package dev.apigw.security.route;

/**
 * A request path in the one normalised form that routing and every control use: percent-decoded once, without
 * path parameters, dot segments, empty segments or a trailing {@code /}.
 *
 * <p>Only {@link PathNormalizer} creates one, so that holding a {@code NormalizedPath} proves the normalisation
 * happened, and happened once (decoding twice is how {@code %252e%252e} turns into {@code ..}).
 */
public final class NormalizedPath implements PathNormalization {

    private final String path;

    NormalizedPath(String path) {
        this.path = path;
    }

    /** The normalised path, starting with {@code /}; {@code /} itself for the root. */
    public String path() {
        return path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedPath other && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "NormalizedPath[" + path + "]";
    }
}
