package dev.apigw.security.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

    @ParameterizedTest(name = "{0} has parameters [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            /                            |
            /pets                        |
            /pets/{id}                   | id
            /pets/{petId}/toys/{toy_id}  | petId toy_id
            /files/*                     |
            /static/**                   |
            /**                          |
            /a/{x}/*/**                  | x
            /{_a.b-c9}                   | _a.b-c9
            /café/a;b/~:@                |
            """)
    void parsesTemplatesAndNamesTheirParameters(String text, String names) {
        PathTemplate template = PathTemplate.parse(text);

        assertThat(template.text()).isEqualTo(text);
        assertThat(template.toString()).isEqualTo(text);
        assertThat(template.parameterNames()).isEqualTo(names == null ? List.of() : Arrays.asList(names.split(" ")));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                    | must start with '/', e.g. "/"
            pets/{id}             | must start with '/', e.g. "/pets/{id}"
            /pets/                | must not end with '/' (normalised paths never do); write "/pets"
            //                    | must not end with '/' (normalised paths never do); write "/"
            /pets//1              | has an empty segment ('//')
            /pets/./1             | has a '.' segment, which normalised paths never contain
            /pets/..              | has a '..' segment, which normalised paths never contain
            /pets/{}              | has an empty parameter '{}'; name it, e.g. '{id}'
            /pets/{id}/toys/{id}  | uses parameter '{id}' twice; give each parameter its own name
            /static/**/x          | has '**' before the last segment; '**' may only end a template
            /pets/a{id}           | has '{' inside a segment; a parameter is a whole segment, e.g. '/pets/{id}'
            /pets/{id}x           | has '{' inside a segment
            /pets/x}              | has '}' inside a segment
            /pets/{1d}            | has parameter name '1d'; a name starts with a letter or '_'
            /pets/{a b}           | has parameter name 'a b'
            /pets/{{id}}          | has parameter name '{id}'
            /pets/{proxy+}        | for a greedy match end the template with '**' instead
            /files/*.txt          | has '*' inside a segment; '*' and '**' must be whole segments
            /files/***            | has '*' inside a segment
            /caf%C3%A9            | has '%'; paths are matched decoded, so write the character itself
            /a\\b                 | has U+005C, which normalised paths never contain; remove it
            """)
    void refusesTemplatesThatCouldNeverMatchSayingWhatWouldBeRight(String text, String message) {
        assertThatThrownBy(() -> PathTemplate.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("path template \"" + text + "\" ")
                .hasMessageContaining(message);
    }

    @Test
    void refusesControlCharactersWithoutCopyingThemIntoTheMessage() {
        assertThatThrownBy(() -> PathTemplate.parse("/a\u0000b\u0085"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path template \"/a\\u0000b\\u0085\" has U+0000, which normalised paths never contain;"
                        + " remove it");
    }

    @Test
    void refusesAnUnpairedSurrogate() {
        assertThatThrownBy(() -> PathTemplate.parse("/a\ud800b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has an unpaired surrogate U+D800");
        assertThat(PathTemplate.parse("/\ud83d\udc36").text()).isEqualTo("/🐶");
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /                | /              | true
            /                | /pets          | false
            /pets            | /pets          | true
            /pets            | /             | false
            /pets            | /pets/1        | false
            /pets            | /pet           | false
            /pets            | /petsx         | false
            /pets            | /Pets          | false
            /pets/{id}       | /pets/1        | true
            /pets/{id}       | /pets/a b;c    | true
            /pets/{id}       | /pets          | false
            /pets/{id}       | /pets/         | false
            /pets/{id}       | /pets/1/toys   | false
            /pets/{id}/toys  | /pets/1/toys   | true
            /pets/{id}/toys  | /pets/1/toy    | false
            /files/*         | /files/a       | true
            /files/*         | /files         | false
            /files/*         | /files/a/b     | false
            /static/**       | /static        | true
            /static/**       | /static/a      | true
            /static/**       | /static/a/b/c  | true
            /static/**       | /staticx       | false
            /static/**       | /              | false
            /**              | /              | true
            /**              | /a/b           | true
            /café            | /café          | true
            /café            | /cafe          | false
            """)
    void matchesNormalisedPathsSegmentBySegment(String template, String path, boolean matches) {
        assertThat(PathTemplate.parse(template).matches(path)).isEqualTo(matches);
    }

    @Test
    void capturesDecodedParameterValuesInTemplateOrder() {
        PathTemplate template = PathTemplate.parse("/pets/{id}/toys/{toy}/**");

        Map<String, String> parameters = template.parameters("/pets/café au lait/toys/7/x/y");

        assertThat(parameters).containsExactly(Map.entry("id", "café au lait"), Map.entry("toy", "7"));
        assertThatThrownBy(() -> parameters.put("id", "other")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void templatesAreEqualWhenTheirTextIs() {
        assertThat(PathTemplate.parse("/pets/{id}")).isEqualTo(PathTemplate.parse("/pets/{id}"))
                .hasSameHashCodeAs(PathTemplate.parse("/pets/{id}"))
                .isNotEqualTo(PathTemplate.parse("/pets/{name}"));
    }
}
