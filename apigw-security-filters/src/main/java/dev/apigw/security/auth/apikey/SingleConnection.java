package dev.apigw.security.auth.apikey;

import dev.apigw.security.Secret;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection opened from a JDBC URL and kept, for applications without a pool; reopened after any failure.
 *
 * <p>Why one connection and not one per lookup: opening a PostgreSQL connection costs a process on the server and
 * several round trips, while the lookups it serves are cache misses, at most one per key per cache TTL. Work waits at
 * most {@code maxWait} for the connection, so a stuck database slows requests by a bounded time, never without end.
 * The URL and password are never logged.
 */
final class SingleConnection implements ConnectionSource {

    private final String url;
    private final Properties properties = new Properties();
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    SingleConnection(String url, String user, Secret password, Duration maxWait) {
        this.url = url;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", new String(password.reveal(), StandardCharsets.UTF_8));
        }
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    public <T> T withConnection(Work<T> work) throws SQLException {
        try {
            if (!lock.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new SQLException("the key store connection is busy", "08000");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the key store connection", "08000");
        }
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, properties);
            }
            return work.run(connection);
        } catch (SQLException | RuntimeException e) {
            discard();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            discard();
        } finally {
            lock.unlock();
        }
    }

    private void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken: nothing more to do
            }
            connection = null;
        }
    }
}
