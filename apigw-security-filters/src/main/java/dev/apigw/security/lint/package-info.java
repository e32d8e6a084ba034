/**
 * The configuration linter: checks a configuration file for the settings that leave an API open, each finding with
 * a severity, the JSON pointer, why it matters and the fix (docs/lint.md lists every rule).
 *
 * <p>{@link dev.apigw.security.lint.Linter} works on the loaded tree of {@link
 * dev.apigw.security.config.ConfigDocumentLoader} (parsed, stage merged, placeholders resolved, schema checked), not
 * on {@link dev.apigw.security.config.GatewayConfig}, so that it also judges sections this version does not run yet.
 * Without a chosen stage it lints the base and every stage, and a finding names the stages it was found in.
 * Placeholders that are undefined where the linter runs are left unchecked and listed, so that a CI job does not
 * need production's secrets.
 */
package dev.apigw.security.lint;
