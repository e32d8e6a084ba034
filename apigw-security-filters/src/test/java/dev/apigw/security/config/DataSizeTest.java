package dev.apigw.security.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DataSizeTest {

    @ParameterizedTest
    @CsvSource({
            "0B, 0",
            "512B, 512",
            "64KiB, 65536",
            "16KiB, 16384",
            "1MiB, 1048576",
            "1GiB, 1073741824",
            "8589934591GiB, 9223372035781033984",
    })
    void readsBinaryUnits(String text, long bytes) {
        assertThat(DataSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "512", "1.5MiB", "-1B", "+1B", "1 MiB", "01MiB", "64 KB", "1TiB", "1b", "1 B", "1MiB "})
    void refusesOtherShapes(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataSize.parse(text))
                .withMessage(Quoted.of(text) + " is not a size (write 512B, 64KiB, 1MiB or 1GiB)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"64KB", "64kb", "64K", "1MB", "1mb", "1M", "1GB", "1mib", "64kib", "1MIB"})
    void refusesDecimalOrAmbiguousUnitsAndSaysWhy(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataSize.parse(text))
                .withMessage(Quoted.of(text) + " is not a size (write 512B, 64KiB, 1MiB or 1GiB); KB, MB and GB are"
                        + " refused because they are read as 1000 or 1024, write KiB, MiB or GiB");
    }

    @Test
    void refusesSizesThatOverflowALong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataSize.parse("8589934592GiB"))
                .withMessage("\"8589934592GiB\" is too large (the largest is 8589934591GiB)");
    }

    @ParameterizedTest
    @CsvSource({"0, 0B", "512, 512B", "65536, 64KiB", "1048576, 1MiB", "1073741824, 1GiB", "3072, 3KiB",
            "1536, 1536B", "1025, 1025B"})
    void printsTheLargestExactUnitSoThatParseReadsItBack(long bytes, String text) {
        assertThat(DataSize.ofBytes(bytes)).hasToString(text);
        assertThat(DataSize.parse(text)).isEqualTo(DataSize.ofBytes(bytes));
    }

    @Test
    void refusesNegativeSizes() {
        assertThatIllegalArgumentException().isThrownBy(() -> DataSize.ofBytes(-1));
    }
}
