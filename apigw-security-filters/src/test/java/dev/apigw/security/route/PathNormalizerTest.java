package dev.apigw.security.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.security.Problem;
import dev.apigw.security.route.InvalidPath.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

    private final PathNormalizer normalizer = new PathNormalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /                     | /
            /pets                 | /pets
            /pets/1;x=y           | /pets/1
            /pets;jsessionid=1/1  | /pets/1
            /pets/1;              | /pets/1
            /pets/1;a=b;c=d       | /pets/1
            /;x/pets              | /pets
            /pets//1              | /pets/1
            //pets///1//          | /pets/1
            /pets/                | /pets
            //                    | /
            /pets/./1             | /pets/1
            /./                   | /
            /pets/a/../1          | /pets/1
            /a/..                 | /
            /a/b/../..            | /
            /pets/%2e%2e/admin    | /admin
            /pets/%2E%2e/admin    | /admin
            /pets/.%2e/admin      | /admin
            /pets/%2e/1           | /pets/1
            /pets/..;x=y/admin    | /admin
            /pets/%2e%2e;x/admin  | /admin
            /...                  | /...
            /.a/a./..b            | /.a/a./..b
            /caf%C3%A9            | /café
            /caf%c3%a9            | /café
            /%E2%82%AC            | /€
            /%F0%9F%90%B6         | /🐶
            /%41%2Db              | /A-b
            /a%20b                | /a b
            /a%3Bb                | /a;b
            /a%3Fb%23c            | /a?b#c
            /%7Bid%7D             | /{id}
            /~u:x@y!$&'()*+,=     | /~u:x@y!$&'()*+,=
            """)
    void normalizesToTheOneFormThatRoutesSee(String raw, String expected) {
        assertThat(normalizer.normalize(raw)).isEqualTo(new NormalizedPath(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                     | NOT_ABSOLUTE
            pets                   | NOT_ABSOLUTE
            *                      | NOT_ABSOLUTE
            http://h/pets          | NOT_ABSOLUTE
            /..                    | ABOVE_ROOT
            /%2e%2e/etc/passwd     | ABOVE_ROOT
            /a/../..               | ABOVE_ROOT
            /..;x/admin            | ABOVE_ROOT
            /pets%2fadmin          | ENCODED_SLASH
            /pets%2Fadmin          | ENCODED_SLASH
            /a%5cb                 | BACKSLASH
            /a%5Cb                 | BACKSLASH
            /a\\b                  | BACKSLASH
            /..\\admin             | BACKSLASH
            /a%00                  | CONTROL_CHARACTER
            /a%0d%0aSet-Cookie:x   | CONTROL_CHARACTER
            /a%09                  | CONTROL_CHARACTER
            /a%1F                  | CONTROL_CHARACTER
            /a%7f                  | CONTROL_CHARACTER
            /a%c2%85               | CONTROL_CHARACTER
            /a%C2%9F               | CONTROL_CHARACTER
            /%252e%252e/admin      | ENCODED_PERCENT
            /a%25                  | ENCODED_PERCENT
            /%                     | MALFORMED_ESCAPE
            /%2                    | MALFORMED_ESCAPE
            /%zz                   | MALFORMED_ESCAPE
            /a%g0                  | MALFORMED_ESCAPE
            /%%41                  | MALFORMED_ESCAPE
            /%c3%zz                | MALFORMED_ESCAPE
            /%c3%                  | MALFORMED_ESCAPE
            /%c0%ae%c0%ae          | INVALID_UTF8
            /%c0%af                | INVALID_UTF8
            /%c1%bf                | INVALID_UTF8
            /%e0%80%ae             | INVALID_UTF8
            /%f0%80%80%af          | INVALID_UTF8
            /%ed%a0%80             | INVALID_UTF8
            /%ed%bf%bf             | INVALID_UTF8
            /%f4%90%80%80          | INVALID_UTF8
            /%f5%80%80%80          | INVALID_UTF8
            /%ff                   | INVALID_UTF8
            /%80                   | INVALID_UTF8
            /%c3                   | INVALID_UTF8
            /%c3a                  | INVALID_UTF8
            /%c3%41                | INVALID_UTF8
            /%e2%82                | INVALID_UTF8
            /%c3/%a9               | INVALID_UTF8
            /a b                   | UNENCODED_CHARACTER
            "/a""b"                | UNENCODED_CHARACTER
            /a<b>                  | UNENCODED_CHARACTER
            /{id}                  | UNENCODED_CHARACTER
            "/a|b"                 | UNENCODED_CHARACTER
            /a^b                   | UNENCODED_CHARACTER
            /a`b                   | UNENCODED_CHARACTER
            /a[0]                  | UNENCODED_CHARACTER
            /a#b                   | UNENCODED_CHARACTER
            /a?b                   | UNENCODED_CHARACTER
            /café                  | UNENCODED_CHARACTER
            /．．/admin             | UNENCODED_CHARACTER
            /pets;%00/1            | CONTROL_CHARACTER
            /pets;a%2fb/1          | ENCODED_SLASH
            /pets;%zz/1            | MALFORMED_ESCAPE
            /pets;a b/1            | UNENCODED_CHARACTER
            """)
    void refusesPathsThatContainersOrBackEndsCouldReadDifferently(String raw, Cause cause) {
        assertThat(normalizer.normalize(raw)).isEqualTo(InvalidPath.of(cause));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x9f})
    void refusesRawControlCharacters(int control) {
        String raw = "/a" + (char) control + "b";

        assertThat(normalizer.normalize(raw)).isEqualTo(InvalidPath.of(Cause.CONTROL_CHARACTER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/pets", "/pets/1/toys", "/a-b_c~d/x:y@z", "/.well-known/jwks.json"})
    void returnsTheInputItselfWhenItIsAlreadyNormal(String raw) {
        PathNormalization result = normalizer.normalize(raw);

        assertThat(result).isInstanceOf(NormalizedPath.class);
        assertThat(((NormalizedPath) result).path()).isSameAs(raw);
    }

    @Test
    void acceptsAPathOfExactlyTheMaximumLength() {
        String raw = "/" + "a".repeat(PathNormalizer.DEFAULT_MAX_LENGTH - 1);

        assertThat(normalizer.normalize(raw)).isEqualTo(new NormalizedPath(raw));
    }

    @ParameterizedTest
    @ValueSource(ints = {PathNormalizer.DEFAULT_MAX_LENGTH + 1, 1 << 20})
    void refusesAPathLongerThanTheMaximumBeforeReadingIt(int length) {
        String raw = "/" + "%".repeat(length - 1);

        assertThat(normalizer.normalize(raw)).isEqualTo(InvalidPath.of(Cause.TOO_LONG));
    }

    @Test
    void appliesAConfiguredMaximumLength() {
        PathNormalizer strict = new PathNormalizer(6);

        assertThat(strict.maxLength()).isEqualTo(6);
        assertThat(strict.normalize("/pets/")).isEqualTo(new NormalizedPath("/pets"));
        assertThat(strict.normalize("/pets/1")).isEqualTo(InvalidPath.of(Cause.TOO_LONG));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesAMaximumLengthBelowOne(int maxLength) {
        assertThatThrownBy(() -> new PathNormalizer(maxLength))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void refusalMessageIsFixedPerCauseAndNeverRepeatsThePath() {
        InvalidPath refused = (InvalidPath) normalizer.normalize("/<script>alert(1)</script>");

        assertThat(refused.message()).isEqualTo("The request path contains a character that must be percent-encoded.")
                .doesNotContain("script");
        assertThat(normalizer.normalize("/a%00")).isSameAs(normalizer.normalize("/secret%00"));
    }

    @Test
    void refusalBecomesA400ProblemWithReasonInvalidPath() {
        Problem problem = ((InvalidPath) normalizer.normalize("/%2e%2e/etc/passwd")).toProblem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.reason()).isEqualTo("invalid_path");
        assertThat(problem.detail()).isEqualTo("The request path climbs above the root.").doesNotContain("passwd");
        assertThat(problem.internalNote()).isEqualTo("path refused: ABOVE_ROOT");
    }

    @Test
    void decodesOnlyOnceSoADoubleEncodedDotIsNeverADotSegment() {
        PathNormalization once = normalizer.normalize("/pets/%2e%2e/admin");

        assertThat(once).isEqualTo(new NormalizedPath("/admin"));
        assertThat(normalizer.normalize("/pets/%252e%252e/admin")).isInstanceOf(InvalidPath.class);
    }
}
