package dev.apigw.security.validate.signature;

import dev.apigw.security.route.NormalizedPath;
import dev.apigw.security.route.PathNormalization;
import dev.apigw.security.route.PathNormalizer;
import dev.apigw.security.testing.FakeRequest;

import java.util.List;
import java.util.Map;

/**
 * A CRS case as the library would see it: the path normalised (or, where normalisation refuses it with
 * {@code invalid_path}, decoded once as a servlet would), the query decoded once, the headers as sent and the body's
 * strings.
 *
 * @param view        the request
 * @param body        the body's strings
 * @param invalidPath whether path normalisation would already have refused the request (400 {@code invalid_path})
 */
record CrsRequest(FakeRequest view, List<BodyValue> body, boolean invalidPath) {

    private static final PathNormalizer PATHS = new PathNormalizer();

    static CrsRequest of(CrsCase c) {
        String uri = c.uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        if (!rawPath.startsWith("/")) {
            rawPath = "/" + rawPath;
        }
        PathNormalization normalized = PATHS.normalize(rawPath);
        boolean invalid = !(normalized instanceof NormalizedPath);
        String path = invalid ? PercentDecoding.decode(rawPath, false) : ((NormalizedPath) normalized).path();
        FakeRequest.Builder b = FakeRequest.request(c.method(), path);
        if (q >= 0) {
            for (Map.Entry<String, String> p : BodyStrings.pairs(uri.substring(q + 1))) {
                b.query(p.getKey(), p.getValue());
            }
        }
        for (Map.Entry<String, String> h : c.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        return new CrsRequest(b.build(), BodyStrings.of(c.contentType(), c.data()), invalid);
    }
}
