package dev.apigw.security.auth.apikey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Lends a JDBC connection for one piece of work: from the application's pool, or one kept connection. */
interface ConnectionSource extends AutoCloseable {

    /** Work done on a connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T withConnection(Work<T> work) throws SQLException;

    @Override
    void close();

    /** Borrows from the data source for each piece of work; the pool is the application's, so closing leaves it. */
    static ConnectionSource of(DataSource dataSource) {
        return new ConnectionSource() {
            @Override
            public <T> T withConnection(Work<T> work) throws SQLException {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
