package dev.apigw.security.validate;

import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9110 §8.3 media types against a route's allow-list, with the charset JSON and forms are decoded in. */
class ContentTypeRuleTest {

    private static String check(ContentTypeRule rule, String contentType, String length) {
        FakeRequest.Builder request = FakeRequest.request("POST", "/pets");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (length != null) {
            request.header("Content-Length", length);
        }
        Problem p = rule.check(request.build());
        return p == null ? "ok" : p.status() + " " + p.detail();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "application/json                      | 12 | ok",
            "Application/JSON; charset=UTF-8       | 12 | ok",
            "application/json;charset=\"utf-8\"    | 12 | ok",
            "application/json; charset=iso-8859-1  | 12 | 415 Send the body in UTF-8 (charset=utf-8, or no charset).",
            "application/x-www-form-urlencoded     | 12 | ok",
            "application/x-www-form-urlencoded; charset=windows-1252 | 12 | 415 Send the body in UTF-8 (charset=utf-8, or no charset).",
            "text/plain                            | 12 | 415 This endpoint accepts application/json, application/x-www-form-urlencoded.",
            "-                                     | 12 | 415 Send a Content-Type header naming application/json, application/x-www-form-urlencoded.",
            "application json                      | 12 | 415 Send a Content-Type header naming application/json, application/x-www-form-urlencoded.",
            "text/plain                            | 0  | ok",
            "-                                     | -  | ok",
            "text/plain                            | -  | 415 This endpoint accepts application/json, application/x-www-form-urlencoded.",
    })
    void acceptsTheListedTypesInUtf8(String contentType, String length, String expected) {
        ContentTypeRule rule = new ContentTypeRule(List.of(MediaType.parse("application/json"),
                MediaType.parse("application/x-www-form-urlencoded")), false);
        assertThat(check(rule, contentType, length)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/json                 | ok",
            "application/merge-patch+json     | ok",
            "application/x-www-form-urlencoded | ok",
            "text/plain                       | 415 This endpoint accepts a JSON body (application/json) or a form (application/x-www-form-urlencoded).",
    })
    void aBodySchemaNeedsJsonOrAForm(String contentType, String expected) {
        assertThat(check(new ContentTypeRule(List.of(), true), contentType, "2")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/*     | text/csv   | true",
            "text/*     | image/png  | false",
            "*/*        | image/png  | true",
            "text/csv   | TEXT/CSV   | true",
    })
    void wildcardsCoverTheirTypes(String allowed, String sent, boolean covered) {
        assertThat(MediaType.parse(allowed).includes(MediaType.parse(sent))).isEqualTo(covered);
    }
}
