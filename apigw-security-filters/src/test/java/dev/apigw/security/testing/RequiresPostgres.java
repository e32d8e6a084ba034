package dev.apigw.security.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against the real PostgreSQL at 127.0.0.1:5432 (user postgres, trust authentication), with a fresh
 * schema per test ({@link TestDatabase} parameter).
 *
 * <p>Without a server the tests are skipped on a developer's machine, and fail where the environment variable
 * {@code CI} is {@code true}, so that CI can never pass by skipping them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface RequiresPostgres {
}
