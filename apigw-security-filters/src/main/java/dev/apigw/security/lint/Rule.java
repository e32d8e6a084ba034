package dev.apigw.security.lint;

import java.util.Objects;

/**
 * One rule of the linter: its stable id (what a finding, the docs and a suppression name), its severity, why the
 * setting matters and how to fix it.
 *
 * @param id       kebab-case, stable across versions
 * @param severity how bad a finding of this rule is
 * @param why      what an attacker or an accident gains from the setting
 * @param fix      what to write instead
 */
public record Rule(String id, Severity severity, String why, String fix) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(fix, "fix");
    }
}
