package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings checks and loading a plugin by class name, each failure naming the class and the fix. */
class AuthorizerSettingsTest {

    private static final String HERE = AuthorizerSettingsTest.class.getName();

    public static final class NoDefaultConstructor implements CustomAuthorizer {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public Answer authorize(Request request) {
            return Answer.deny();
        }
    }

    public static final class ThrowingConstructor implements CustomAuthorizer {
        public ThrowingConstructor() {
            throw new IllegalStateException("no config");
        }

        @Override
        public Answer authorize(Request request) {
            return Answer.deny();
        }
    }

    public abstract static class AbstractAuthorizer implements CustomAuthorizer {
    }

    static final class NotPublic implements CustomAuthorizer {
        @Override
        public Answer authorize(Request request) {
            return Answer.deny();
        }
    }

    /** Not a plugin: naming it must not run its static initialiser. */
    public static final class NotAnAuthorizer {
        static {
            System.setProperty("apigw.test.NotAnAuthorizer.initialised", "true");
        }
    }

    @Test
    void loadsAPluginByClassName() {
        AuthorizerSettings s = AuthorizerSettings.builder("partner").className(RecordingAuthorizer.class.getName())
                .identitySource("header:X-Partner-Token").build();
        assertThat(s.authorizer()).isInstanceOf(RecordingAuthorizer.class);
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.identitySources()).extracting(Object::toString).containsExactly("header:X-Partner-Token");
    }

    @Test
    void loadsAServiceLoaderProviderDespiteABrokenEntryForAnotherPlugin() {
        assertThat(AuthorizerLoader.load(ServiceProvidedAuthorizer.class.getName()))
                .isInstanceOf(ServiceProvidedAuthorizer.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "com.example.Missing|was not found (check the name",
            "java.lang.String|does not implement dev.apigw.security.CustomAuthorizer",
            "$NoDefaultConstructor|needs a public no-argument constructor",
            "$ThrowingConstructor|threw java.lang.IllegalStateException",
            "$AbstractAuthorizer|must be a public, concrete class",
            "$NotPublic|must be a public, concrete class",
            "$NotAnAuthorizer|does not implement",
    })
    void badClassesAreRefusedWithTheFix(String name, String message) {
        String className = name.startsWith("$") ? HERE + name : name;
        assertThatThrownBy(() -> AuthorizerSettings.builder("partner").className(className))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(className).hasMessageContaining(message)
                .hasMessageNotContaining("no config");
        assertThat(System.getProperty("apigw.test.NotAnAuthorizer.initialised")).isNull();
    }

    @Test
    void cachingNeedsIdentitySources() {
        var plugin = new RecordingAuthorizer();
        assertThat(AuthorizerSettings.builder("open").authorizer(plugin).build().cacheTtl()).isZero();
        assertThatThrownBy(() -> AuthorizerSettings.builder("open").authorizer(plugin)
                .cacheTtl(Duration.ofMinutes(1)).build()).hasMessageContaining("cacheTtl needs identitySources");
    }

    @Test
    void refusesBadSourcesNamesAndLimits() {
        var plugin = new RecordingAuthorizer();
        assertThatThrownBy(() -> AuthorizerSettings.builder("p").identitySource("cookie:session"))
                .hasMessageContaining("write header:NAME or query:NAME");
        assertThatThrownBy(() -> AuthorizerSettings.builder("p").identitySource("header:bad name"))
                .hasMessageContaining("not an identity source");
        assertThatThrownBy(() -> AuthorizerSettings.builder("p").identitySource("header:X-A")
                .identitySource("header:x-a")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> AuthorizerSettings.builder("1p").authorizer(plugin).build())
                .hasMessageContaining("name");
        assertThatThrownBy(() -> AuthorizerSettings.builder("p").build()).hasMessageContaining("needs a class");
        assertThatThrownBy(() -> AuthorizerSettings.builder("p").authorizer(plugin).timeout(Duration.ofMinutes(1))
                .build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> AuthorizerSettings.builder("p").authorizer(plugin).maxCacheEntries(0).build())
                .hasMessageContaining("maxCacheEntries");
    }
}
