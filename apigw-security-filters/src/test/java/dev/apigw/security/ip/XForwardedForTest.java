package dev.apigw.security.ip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.apigw.security.ip.ClientAddressResolverTest.resolve;
import static org.assertj.core.api.Assertions.assertThat;

/** One {@code X-Forwarded-For} hop, behind the trusted peer 10.0.0.1: which forms name an address. */
class XForwardedForTest {

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "192.0.2.43|192.0.2.43",
        "'  192.0.2.43\t'|192.0.2.43",
        "192.0.2.43:4711|192.0.2.43",
        "2001:db8::1|2001:db8::1",
        "2001:db8::1:4711|2001:db8::1:4711",
        "[2001:db8::1]|2001:db8::1",
        "[2001:db8::1]:4711|2001:db8::1",
        "::ffff:192.0.2.43|192.0.2.43",
        "[::ffff:192.0.2.43]:80|192.0.2.43"})
    void readsAddressesWithOrWithoutPort(String hop, String client) {
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", hop)).isEqualTo(client);
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0}")
    @ValueSource(strings = {
        "unknown", "_hidden", "for=192.0.2.43", "\"192.0.2.43\"", "192.0.2.43:", "192.0.2.43:123456",
        "192.0.2.43:http", "192.0.2.43 192.0.2.44", "192.0.2.43;", "[192.0.2.43]", "[2001:db8::1", "[2001:db8::1]:",
        "[2001:db8::1]4711", "127.1", "0x7f.0.0.1", "0177.0.0.1", "localhost", "fe80::1%eth0", "192.0.2.43\u00a0",
        "192.0.2.43\r\n", "\u0661\u0669\u0662.0.2.43"})
    void treatsAnythingElseAsUnknownClient(String hop) {
        assertThat(resolve("10.0.0.1", "X-Forwarded-For", hop)).isEqualTo("unknown");
    }
}
