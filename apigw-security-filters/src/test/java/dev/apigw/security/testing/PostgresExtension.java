package dev.apigw.security.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The extension behind {@link RequiresPostgres}: skip or fail without a server, and a schema per test. */
public final class PostgresExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    // Overridable only to try the skip and the failure against a port where nothing listens.
    static final String HOST = System.getProperty("apigw.test.postgres", "127.0.0.1:5432");
    static final String USER = "postgres";
    private static final String SKIPPED = "PostgreSQL not reachable at " + HOST
            + "; skipped (set CI=true to make this a failure)";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    // Probed once per test run: a missing server costs one connect timeout, not one per test.
    private static volatile String database;
    private static volatile boolean probed;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (database() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + HOST);
        }
        return ci() ? ConditionEvaluationResult.enabled("PostgreSQL not reachable but CI=true: the tests will fail")
                : ConditionEvaluationResult.disabled(SKIPPED);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (database() == null) {
            throw new IllegalStateException("PostgreSQL not reachable at " + HOST + " and CI=true: start it ("
                    + "pg_ctlcluster --skip-systemctl-redirect <version> main start) before the tests");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Stored per test: JUnit closes it (dropping the schema) when the test ends, pass or fail.
        return context.getStore(NAMESPACE).computeIfAbsent("database",
                key -> TestDatabase.create(url(database())), TestDatabase.class);
    }

    static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database + "?user=" + USER + "&connectTimeout=3&socketTimeout=30";
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static synchronized String database() {
        if (!probed) {
            probed = true;
            for (String name : List.of("test", "postgres")) {
                try (Connection c = DriverManager.getConnection(url(name)); Statement st = c.createStatement()) {
                    st.execute("select 1");
                    database = name;
                    break;
                } catch (SQLException e) {
                    // not this database, or no server at all
                }
            }
        }
        return database;
    }
}
