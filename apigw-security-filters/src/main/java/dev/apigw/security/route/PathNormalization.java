package dev.apigw.security.route;

/**
 * The outcome of {@link PathNormalizer#normalize(String)}: either the {@link NormalizedPath} or the
 * {@link InvalidPath} that says why the request must be refused.
 *
 * <p>A value rather than an exception, because refusing a hostile path is an ordinary, frequent outcome on the hot
 * path and the pipeline turns it into a problem in one place.
 */
public sealed interface PathNormalization permits NormalizedPath, InvalidPath {
}
