package dev.apigw.security.testing;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/** A fresh PostgreSQL schema for one test, dropped with everything in it when the test ends. */
public final class TestDatabase implements AutoCloseable {

    private final String baseUrl;
    private final String schema;

    private TestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    static TestDatabase create(String baseUrl) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        TestDatabase db = new TestDatabase(baseUrl, "apigw_test_" + HexFormat.of().formatHex(random));
        db.execute("CREATE SCHEMA " + db.schema);
        return db;
    }

    /** The schema's name, unique to this test. */
    public String schema() {
        return schema;
    }

    /** A JDBC URL whose default schema is this test's. */
    public String url() {
        return baseUrl + "&currentSchema=" + schema;
    }

    /** A data source whose connections default to this test's schema. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url());
        return ds;
    }

    /** Runs one statement in this test's schema, with parameters. */
    public int execute(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(url()); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            st.execute();
            return st.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
