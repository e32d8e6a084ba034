/**
 * Size limits and request validation (CONTRACT §3 {@code validation} and a route's {@code validate}; §4 rows 400,
 * 413, 415, 431): {@link dev.apigw.security.validate.SizeLimitControl} early in the chain,
 * {@link dev.apigw.security.validate.RequestValidationControl} last before the application.
 *
 * <p>Bodies: a control that needs the body calls {@link dev.apigw.security.validate.ParsedBody#of} with the chain's
 * one {@link dev.apigw.security.validate.BodyParser}; the first call reads the body (never past
 * {@code maxBodySize}) and parses it within {@link dev.apigw.security.validate.JsonLimits}, and every later control
 * gets the same parse, including {@link dev.apigw.security.validate.ParsedBody#forEachString} over every string of a
 * JSON or form body. Schemas are compiled once by {@link dev.apigw.security.validate.SchemaCompiler}.
 */
package dev.apigw.security.validate;
