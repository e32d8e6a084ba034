package dev.apigw.security.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.tomcat.util.http.RequestUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random paths built from hostile pieces: the normaliser never throws and only ever returns the normal form. */
class PathNormalizerPropertyTest {

    private static final String[] HOSTILE_PIECES = {
        "/", "/", "a", "b", ".", "..", ";", "x=1", "%2e", "%2E", "%2f", "%5c", "%25", "%", "%c3%a9", "%c0%ae",
        "%e0%80%ae", "%00", "%0a", "%c2%85", "\\", " ", "é", "%41", "%e2%82%ac", "%f0%9f%90%b6", "%ed%a0%80", "%3b",
        "%c3", "%a9", "%zz", "~", ":@"
    };
    private static final String[] DOT_PIECES = {"/", "/", "a", "b", ".", "..", "%2e", "%2E"};
    private static final int RUNS = 20_000;

    private final PathNormalizer normalizer = new PathNormalizer();

    @ParameterizedTest
    @ValueSource(longs = {1L, 20_240_601L, 0xC0FFEEL})
    void acceptsOnlyPathsItCanBringIntoTheOneNormalForm(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            String raw = randomPath(random, HOSTILE_PIECES);
            PathNormalization result = normalizer.normalize(raw);
            if (result instanceof NormalizedPath normalized) {
                assertIsNormal(raw, normalized.path());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {2L, 77L, 4_096L})
    void resolvesDotAndEmptySegmentsLikeTomcat(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            String raw = randomPath(random, DOT_PIECES);
            String tomcat = RequestUtil.normalize(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            PathNormalization ours = normalizer.normalize(raw);
            if (tomcat == null) {
                assertThat(ours).as(raw).isEqualTo(InvalidPath.of(InvalidPath.Cause.ABOVE_ROOT));
            } else {
                assertThat(ours).as(raw).isEqualTo(new NormalizedPath(withoutTrailingSlash(tomcat)));
            }
        }
    }

    private void assertIsNormal(String raw, String path) {
        assertThat(path).as(raw).startsWith("/").doesNotContain("//", "%", "\\").doesNotContainPattern("\\p{Cc}");
        assertThat(path.equals("/") || !path.endsWith("/")).as(raw).isTrue();
        for (String segment : path.substring(1).split("/", -1)) {
            assertThat(segment).as(raw).isNotIn(".", "..");
        }
        assertThat(path.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)).as(raw).isTrue();
        if (path.chars().allMatch(c -> c == '/' || PathCharacters.isPlain((char) c))) {
            NormalizedPath again = (NormalizedPath) normalizer.normalize(path);
            assertThat(again.path()).as("normalising %s twice", raw).isSameAs(path);
        }
    }

    private static String randomPath(Random random, String[] pieces) {
        StringBuilder path = new StringBuilder("/");
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            path.append(pieces[random.nextInt(pieces.length)]);
        }
        return path.toString();
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
