/**
 * Attack signatures: linear-time detectors for SQL injection, cross-site scripting, path traversal, command injection
 * and CR/LF injection over the decoded path, query, headers and body strings of a request (CONTRACT §3
 * {@code validation.attackSignatures}, §4 {@code attack_signature}).
 *
 * <p>No detector uses {@code java.util.regex} on request data: each is a hand-written tokenizer or scanner that reads
 * a value a constant number of times, so a hostile value costs time proportional to its length and never more.
 * Values are decoded (percent, HTML character references, JavaScript escapes, fullwidth forms) at most
 * {@link dev.apigw.security.validate.signature.ValueDecoder#MAX_ROUNDS} times and scanned in windows of
 * {@link dev.apigw.security.validate.signature.SignatureScanner#WINDOW} characters. Entry points:
 * {@link dev.apigw.security.validate.signature.SignatureScanner} (pure, usable on its own) and
 * {@link dev.apigw.security.validate.signature.AttackSignatureControl} (the pipeline control).
 */
package dev.apigw.security.validate.signature;
