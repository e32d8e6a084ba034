package dev.apigw.security.auth.apikey;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** A data source over a real one that a test can take down, and that counts the connections it lends. */
final class SwitchableDataSource implements DataSource {

    private final DataSource real;
    private volatile boolean down;
    final AtomicInteger borrowed = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    SwitchableDataSource(DataSource real) {
        this.real = real;
    }

    void down(boolean value) {
        this.down = value;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            refused.incrementAndGet();
            throw new SQLException("Connection to 127.0.0.1:5432 refused (test)", "08001");
        }
        borrowed.incrementAndGet();
        return real.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
