package dev.apigw.security.validate;

import dev.apigw.security.RequestBody;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One parse per request, shared by every control, and every string of a body for the attack signatures. */
class ParsedBodyTest {

    private final BodyParser parser = new BodyParser(ValidationSettings.DEFAULTS.withMaxBodySize(64));

    private static List<String> strings(ParsedBody body) {
        List<String> out = new ArrayList<>();
        body.forEachString((pointer, value) -> out.add(pointer + "=" + value));
        return out;
    }

    @Test
    void parsesOncePerRequest() {
        FakeExchange exchange = FakeExchange.of(FakeRequest.request("POST", "/").body("application/json", "{\"a\":1}")
                .build());
        ParsedBody first = ParsedBody.of(exchange, parser);
        assertThat(ParsedBody.of(exchange, new BodyParser(ValidationSettings.DEFAULTS))).isSameAs(first);
        assertThat(first).isInstanceOf(ParsedBody.Json.class);
    }

    @Test
    void visitsEveryNameAndStringOfAJsonBody() {
        ParsedBody body = parse("application/json", "{\"a/b\":[\"x\",1,{\"c\":\"y\"}],\"d\":null}");
        assertThat(strings(body)).containsExactly("/a~1b=a/b", "/a~1b/0=x", "/a~1b/2/c=c", "/a~1b/2/c=y", "/d=d");
    }

    @Test
    void visitsEveryDecodedFieldOfAForm() {
        ParsedBody body = parse("application/x-www-form-urlencoded", "name=O%27Brien&tag=a&tag=%3Cb%3E&x");
        assertThat(strings(body)).containsExactly("/name=name", "/name/0=O'Brien", "/tag=tag", "/tag/0=a",
                "/tag/1=<b>", "/x=x", "/x/0=");
    }

    @Test
    void leavesOtherTypesAsBytesAndRefusesWhatCannotBeUsed() {
        assertThat(parse("text/plain", "hello")).isEqualTo(new ParsedBody.Raw(MediaType.parse("text/plain")));
        assertThat(parse("application/json", "")).isInstanceOf(ParsedBody.None.class);
        assertThat(((ParsedBody.Refused) parse("application/json", "{")).problem().status()).isEqualTo(400);
        ParsedBody tooLarge = parser.parse(RequestBody.tooLarge(64, 65), "application/json");
        assertThat(((ParsedBody.Refused) tooLarge).problem().status()).isEqualTo(413);
        ParsedBody gone = parser.parse(RequestBody.unreadable("EofException"), "application/json");
        assertThat(((ParsedBody.Refused) gone).problem().internalNote()).isEqualTo("body EofException");
    }

    private ParsedBody parse(String type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return parser.parse(RequestBody.of(bytes, bytes.length), type);
    }
}
