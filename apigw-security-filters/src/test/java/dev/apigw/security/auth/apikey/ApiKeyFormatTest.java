package dev.apigw.security.auth.apikey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

    private final ApiKeyFormat format = ApiKeyFormat.standard();

    @Test
    void generatesPrefixRandomPartAndChecksumThatScannersMatch() {
        String key = format.generate();

        assertThat(key).hasSize(44).startsWith("apigw_").matches("apigw_[0-9A-Za-z]{38}");
        assertThat(Pattern.compile(ApiKeyFormat.SCANNER_PATTERN).matcher("token=" + key + "\n").find()).isTrue();
        assertThat(format.looksValid(key)).isTrue();
    }

    @Test
    void randomPartCarriesAtLeast160Bits() {
        double bits = ApiKeyFormat.RANDOM_LENGTH * Math.log(Base62.ALPHABET.length()) / Math.log(2);

        assertThat(bits).isGreaterThanOrEqualTo(160);
    }

    @Test
    void generatesADifferentKeyEachTime() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(format.generate());
        }

        assertThat(keys).hasSize(10_000);
    }

    @Test
    void checksumCatchesEverySingleCharacterChange() {
        String key = format.generate();

        for (int i = ApiKeyFormat.PREFIX.length(); i < key.length(); i++) {
            for (char c : Base62.ALPHABET.toCharArray()) {
                if (c != key.charAt(i)) {
                    String typo = key.substring(0, i) + c + key.substring(i + 1);
                    assertThat(format.looksValid(typo)).as("changed at %d", i).isFalse();
                }
            }
        }
    }

    @Test
    void checksumCatchesTwoSwappedCharacters() {
        String key = format.generate();

        for (int i = ApiKeyFormat.PREFIX.length(); i < key.length() - 1; i++) {
            if (key.charAt(i) != key.charAt(i + 1)) {
                String swapped = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
                assertThat(format.looksValid(swapped)).as("swapped at %d", i).isFalse();
            }
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"apigw_", "apigw_0000000000000000000000000000000000000", "APIGW_0000000000000000000000000000000000000",
            "apigw_00000000000000000000000000000000000000x", "apigw_0000000000000000000000000000000-00000",
            "xapigw_000000000000000000000000000000000000"})
    void refusesWhatIsNotAKeyOfTheFormat(String text) {
        assertThat(format.looksValid(text)).isFalse();
    }

    @Test
    void onlyKeysWithThePrefixClaimTheFormat() {
        assertThat(format.hasPrefix("apigw_anything")).isTrue();
        assertThat(format.hasPrefix("legacy-key-from-another-gateway")).isFalse();
        assertThat(format.hasPrefix(null)).isFalse();
    }

    @Test
    void checksumIsZeroPaddedToSixBase62Digits() {
        assertThat(Base62.fixedWidth(0, 6)).isEqualTo("000000");
        assertThat(Base62.fixedWidth(0xFFFF_FFFFL, 6)).hasSize(6).isEqualTo("4gfFC3");
        assertThat(Base62.fixedWidth(61, 6)).isEqualTo("00000z");
    }
}
