package dev.apigw.security.servlet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottleRemainingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"route\";r=39;t=1|39",
        "\"route\";r=39;t=1, \"anonymous\";r=19;t=1|19",
        "\"route\";r=5;t=1, \"quota\";r=0;t=3600|0",
        "\"global\";r=0;t=3600|0",
    })
    void theTightestLimitIsWhatTheAuditRecords(String field, long expected) {
        assertThat(ThrottleRemaining.min(field)).isEqualTo(expected);
    }
}
