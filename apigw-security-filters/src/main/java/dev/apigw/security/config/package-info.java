/**
 * Reading the configuration file (CONTRACT section 3) into a checked tree, and the parsers for its values.
 *
 * <h2>Pipeline</h2>
 * {@link dev.apigw.security.config.ConfigDocumentLoader} reads at most 1 MiB of UTF-8, parses YAML or JSON
 * (depth at most 64, no duplicate keys, no YAML anchors or aliases, one document), checks the file as written
 * against {@link dev.apigw.security.config.ConfigSchema} (every stage included; values holding a placeholder wait
 * for the second check), merges the chosen stage, resolves the placeholders, checks the result again and hands a
 * {@link dev.apigw.security.config.ConfigDocument} to the mapper. Every problem is a
 * {@link dev.apigw.security.config.ConfigException} listing all errors found at that step, each with its JSON
 * Pointer: {@code config error at /routes/2/throttle/rate: "10 per sec" is not a rate (write N/s, N/m or N/h)}.
 *
 * <h2>Placeholders</h2>
 * {@code ${env:NAME}}, {@code ${sys:NAME}}, {@code ${file:PATH}} and any scheme an application adds with a
 * {@link dev.apigw.security.SecretResolver}; {@code ${scheme:ref:-default}} uses the default when the value is
 * undefined or empty (as in a POSIX shell). {@code $${} writes a literal {@code ${}. Rules, and why:
 * <ul>
 *   <li>Placeholders are resolved in the parsed tree's string values, never in the file's text, so a value can
 *       never inject YAML structure (a variable holding {@code "x\nrequireHttps: false"} stays one string). Keys are
 *       never interpolated, and resolved text is not scanned again.</li>
 *   <li>A value that came from a placeholder is never printed: messages say {@code (value from ${env:NAME})}.
 *       {@link dev.apigw.security.config.ConfigDocument#placeholderPointers()} lists those values for the mapper.</li>
 *   <li>An undefined placeholder without default stops loading, naming the placeholder and the pointer.</li>
 *   <li>Placeholders give text; where the schema wants a whole number or a boolean, canonical text
 *       ({@code 20}, {@code true}) is converted, so {@code burst: ${env:BURST}} works.</li>
 *   <li>{@code ${file:PATH}} reads a regular file of at most 64 KiB relative to the configuration file, and drops
 *       one trailing line break.</li>
 * </ul>
 *
 * <h2>Stages</h2>
 * {@code stages: {dev: {...}, prod: {...}}} are JSON Merge Patches (RFC 7396) over the base: objects merge
 * recursively, lists and scalars replace, {@code null} removes a key. The {@code stages} key is removed from the
 * result; without a stage the base is used as it is. An unknown stage is an error listing the stages there are.
 *
 * <h2>Values</h2>
 * {@link dev.apigw.security.config.DurationFormat}, {@link dev.apigw.security.config.DataSize},
 * {@link dev.apigw.security.config.RateFormat} and {@link dev.apigw.security.config.QuotaFormat} read the
 * contract's notations strictly and refuse with an {@link java.lang.IllegalArgumentException} that reads
 * {@code "VALUE" is not a rate (write N/s, N/m or N/h)}; pass it to
 * {@link dev.apigw.security.config.ConfigDocument#error(String, IllegalArgumentException)} to get the pointer added
 * and a placeholder's value left out.
 */
package dev.apigw.security.config;
