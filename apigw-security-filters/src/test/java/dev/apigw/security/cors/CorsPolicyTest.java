package dev.apigw.security.cors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up checks of {@link CorsPolicy}: contradictions, wildcards that are too wide, malformed origins. */
class CorsPolicyTest {

    @Test
    void anyOriginWithCredentialsNamesBothOptionsAndTheFix() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowAnyOrigin().allowCredentials(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowCredentials cannot be combined with allowedOrigins \"*\" (allowAnyOrigin)")
                .hasMessageContaining("list the origins instead");
    }

    @Test
    void nullOriginWithCredentialsIsRefused() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins("null").allowCredentials(true).build())
                .hasMessageContaining("allowCredentials cannot be combined with the origin \"null\"");
    }

    @Test
    void exposingEveryHeaderWithCredentialsIsRefused() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins("https://app.example.com")
                .exposedHeaders("*").allowCredentials(true).build())
                .hasMessageContaining("exposedHeaders \"*\" does not work with allowCredentials");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://*                     | is too wide: it would match every site",
            "https://*:8443                | is too wide: it would match every site",
            "https://*.com                 | is too wide: it would match every site registered under com",
            "https://*.localhost           | is too wide",
            "https://*.co.uk               | is too wide: it would match every site registered under co.uk",
            "https://*.com.au              | is too wide",
            "https://*.ne.jp               | is too wide",
            "https://*.1.2.3.4             | puts * before an IP address",
            "https://*.[::1]               | puts * before an IP address",
            "https://a.*.example.com       | puts * where only a whole first label may be",
            "https://*example.com          | puts * where only a whole first label may be",
            "https://*.*.example.com       | puts * where only a whole first label may be",
            "https://app.example.*         | puts * where only a whole first label may be",
            "*.example.com                 | puts * where only a whole first label may be",
            "https://*.example.com/        | \"https://*.example.com/\" is not an origin: an origin has no path",
            "https://app.example.com/      | not even a trailing /",
            "https://app.example.com/api   | an origin has no path, query or fragment",
            "https://user@app.example.com  | an origin has no user name or password",
            "app.example.com               | it needs the scheme http:// or https://",
            "ftp://files.example.com       | it needs the scheme http:// or https://",
            "https://bücher.example        | write https://xn--bcher-kva.example",
            "https://app.example.com:99999 | the host or port is malformed",
            "https://app.example.com.      | the host or port is malformed",
            "https://app\u202e.example.com | \"https://app\\u202e.example.com\" is not an origin",
    })
    void refusesBadEntriesWithWhatToWrite(String entry, String message) {
        assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void acceptsAWildcardUnderARegistrableDomain() {
        assertThat(CorsPolicy.builder().allowedOrigins("https://*.example.co.uk", "https://*.example.com")
                .allowCredentials(true).build().allowedOrigins())
                .containsExactly("https://*.example.co.uk", "https://*.example.com");
    }

    @Test
    void methodsDefaultToTheSimpleOnesAndGetAllowsHead() {
        CorsPolicy policy = CorsPolicy.builder().build();
        assertThat(policy.allowedMethods()).containsExactly("GET", "HEAD", "POST");
        CorsPolicy getOnly = CorsPolicy.builder().allowedMethods("GET").build();
        assertThat(getOnly.allowsMethod("HEAD")).isTrue();
        assertThat(getOnly.allowsMethod("POST")).isFalse();
        assertThat(getOnly.allowsMethod("get")).as("methods are case-sensitive").isFalse();
    }

    @Test
    void refusesBadNamesAndValues() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowedMethods("*"))
                .hasMessageContaining("allowedMethods cannot be \"*\"");
        assertThatThrownBy(() -> CorsPolicy.builder().allowedHeaders("X-Ok", "X Bad"))
                .hasMessage("allowedHeaders[1]: \"X Bad\" is not a method or header name (an RFC 9110 token such as"
                        + " X-Api-Key)");
        assertThatThrownBy(() -> CorsPolicy.builder().exposedHeaders("X-Ok\r\nSet-Cookie: a=b"))
                .hasMessageContaining("\\u000d\\u000a");
        assertThatThrownBy(() -> CorsPolicy.builder().maxAge(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxAge cannot be negative");
    }

    @Test
    void headerNamesCompareCaseInsensitively() {
        CorsPolicy policy = CorsPolicy.builder().allowedHeaders("X-Api-Key").build();
        assertThat(policy.allowsHeader("x-api-key")).isTrue();
        assertThat(policy.allowsHeader("x-api-keys")).isFalse();
        assertThat(CorsPolicy.builder().allowedHeaders("*").build().allowsHeader("anything")).isTrue();
    }

    @Test
    void sameEntryTwiceIsListedOnce() {
        assertThat(CorsPolicy.builder().allowedOrigins("https://a.test", "https://a.test:443").build()
                .allowedOrigins()).containsExactly("https://a.test");
    }
}
