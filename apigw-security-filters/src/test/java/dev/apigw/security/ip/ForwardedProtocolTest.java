package dev.apigw.security.ip;

import dev.apigw.security.ip.ClientAddressResolver.ForwardingHeaders;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ClientAddressResolver#https}: the container's view, overridden only by trusted proxies. */
class ForwardedProtocolTest {

    @ParameterizedTest(name = "peer {0}, secure {1}, {2}: {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // An untrusted peer's headers never count.
        "198.51.100.9|false|X-Forwarded-Proto|https|false",
        "198.51.100.9|true|X-Forwarded-Proto|http|true",
        "198.51.100.9|false|Forwarded|for=192.0.2.1;proto=https|false",
        // A trusted peer's X-Forwarded-Proto: the right-most value, compared case-insensitively in ASCII.
        "10.0.0.1|false|X-Forwarded-Proto|https|true",
        "10.0.0.1|false|X-Forwarded-Proto|HTTPS|true",
        "10.0.0.1|false|X-Forwarded-Proto|' HttpS\t'|true",
        "10.0.0.1|false|X-Forwarded-Proto|http, https|true",
        "10.0.0.1|false|X-Forwarded-Proto|https, http|false",
        "10.0.0.1|false|X-Forwarded-Proto|https,|true",
        "10.0.0.1|true|X-Forwarded-Proto|http|false",
        "10.0.0.1|false|X-Forwarded-Proto|httpſ|false",
        "10.0.0.1|false|X-Forwarded-Proto|wss|false",
        "10.0.0.1|false|X-Forwarded-Proto|'https\u0000'|false",
        "10.0.0.1|true|X-Forwarded-Proto||true",
        // No forwarded protocol: the container decides.
        "10.0.0.1|true|X-Forwarded-For|192.0.2.1|true",
        "10.0.0.1|false|X-Forwarded-For|192.0.2.1|false",
        // Forwarded: the proto of the element that names the client, which the client's first proxy wrote.
        "10.0.0.1|false|Forwarded|for=192.0.2.1;proto=https|true",
        "10.0.0.1|false|Forwarded|for=192.0.2.1;PROTO=HTTPS|true",
        "10.0.0.1|false|Forwarded|for=192.0.2.1;proto=https, for=10.0.0.5;proto=http|true",
        "10.0.0.1|true|Forwarded|for=192.0.2.1;proto=http, for=10.0.0.5;proto=https|false",
        "10.0.0.1|false|Forwarded|for=unknown;proto=https|true",
        "10.0.0.1|false|Forwarded|for=10.0.0.7;proto=https|true",
        "10.0.0.1|true|Forwarded|for=192.0.2.1|true",
        "10.0.0.1|false|Forwarded|for=192.0.2.1;proto=\"https\"|true",
        "10.0.0.1|true|Forwarded|for=192.0.2.1;proto=https;proto=http|true"})
    void decidesWhetherTheClientUsedHttps(String peer, boolean secure, String header, String value,
                                          boolean https) {
        FakeRequest.Builder request = FakeRequest.get("/").peer(peer).secure(secure);
        if (value != null) {
            request.header(header, value);
        }
        assertThat(resolver(ForwardingHeaders.PREFER_FORWARDED).https(request.build())).isEqualTo(https);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "PREFER_FORWARDED, true",
        "FORWARDED, false",
        "X_FORWARDED_FOR, true"})
    void fallsBackToXForwardedProtoOnlyWhereConfigured(ForwardingHeaders headers, boolean https) {
        FakeRequest request = FakeRequest.get("/").peer("10.0.0.1")
                .header("Forwarded", "for=192.0.2.1")
                .header("X-Forwarded-Proto", "https").build();
        assertThat(resolver(headers).https(request)).isEqualTo(https);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "PREFER_FORWARDED, true",
        "FORWARDED, true",
        "X_FORWARDED_FOR, false"})
    void readsForwardedProtoOnlyWhereConfigured(ForwardingHeaders headers, boolean https) {
        FakeRequest request = FakeRequest.get("/").peer("10.0.0.1")
                .header("Forwarded", "for=192.0.2.1;proto=https")
                .header("X-Forwarded-Proto", "http").build();
        assertThat(resolver(headers).https(request)).isEqualTo(https);
    }

    private static ClientAddressResolver resolver(ForwardingHeaders headers) {
        return new ClientAddressResolver(CidrSet.parse(List.of("10.0.0.0/8")), headers);
    }
}
