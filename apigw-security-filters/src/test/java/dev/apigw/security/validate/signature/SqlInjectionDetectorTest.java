package dev.apigw.security.validate.signature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlInjectionDetectorTest {

    private final Detector detector = new SqlInjectionDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "1 OR 1=1",
        "x' OR 'a'='a",
        "admin'--",
        "admin' #",
        "admin';",
        "1' AND sleep(5) AND '1'='1",
        "1) UNION SELECT username, password FROM users--",
        "' UNION ALL SELECT NULL,NULL--",
        "-1 union/**/select 1,2,3",
        "1;DROP TABLE users",
        "'; EXEC xp_cmdshell('dir')--",
        "1; WAITFOR DELAY '0:0:5'--",
        "SELECT * FROM users WHERE id=1",
        "(SELECT 1 FROM information_schema.tables)",
        "benchmark(5000000,md5(1))",
        "pg_sleep(10)",
        "1 AND extractvalue(1,concat(0x7e,version()))",
        "id'::int",
        "/*!50000union*/ select 1",
        "@@version",
        "1 ORDER BY 3--",
        "hex(",
        "' or 1=1 limit 1 -- -",
        "\" or \"\"=\"",
        "1' INTO OUTFILE '/tmp/x'--",
        "1 AND 1=(SELECT COUNT(*) FROM tabname)",
        "' and email not like '",
        "1 xor 2 <",
        "CASE WHEN (1=1) THEN 1 ELSE 0 END",
        "$where",
        "tempdb",
        "2147483648",
    })
    void detectsInjection(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select", "union", "drop", "update", "O'Brien", "D'Angelo", "It's 5 o'clock somewhere",
        "Please select a date", "Union Square, New York", "Drop-off at 5pm", "Delete my account, please",
        "true or false", "1 or 2 items", "Smith OR Jones", "x < y and y > z", "3 - 2 = 1", "a=b; c=d",
        "-- signed, the team", "/* not a comment */", "#hashtag", "char(10) is a newline in Excel",
        "convert(varchar) is SQL Server syntax for casting", "information_schema is a database term",
        "benchmark(s) results", "Filter: price < 50 and rating >= 4", "Order by 5pm for next-day delivery",
        "12 Union Street, Apt. 4B", "http://localhost:3000/dashboard?from=2024-01-01&to=2024-01-31",
        "Mozilla/5.0 (Linux; Android 4.4.3) AppleWebKit/537.36 (KHTML, like Gecko) Silk/89.4.7 like Chrome/89.0",
        "Drop \"RISC-V: Use SBI SRST extension when available\"", "Ben & Jerry's", "Rock 'n' roll",
        "`time' is a program that measures CPU resources", "Don't use this; it broke after 2 days.",
    })
    void letsOrdinaryTextPass(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in (0,1)", "!=", ") AS t FROM", "execute php", "IS NULL", "'msdasql'", "XOR"})
    void holdsNamesToIdentifierSyntax(String name) {
        assertThat(detector.matches(name, Slot.NAME)).as(name).isTrue();
        assertThat(detector.matches("page", Slot.NAME)).isFalse();
        assertThat(detector.matches("filter[age]", Slot.NAME)).isFalse();
        assertThat(detector.matches("children's", Slot.NAME)).isFalse();
    }
}
