package dev.apigw.security.auth.apikey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a database store's database is away, and when to try it again.
 *
 * <p>While it is away, one request per retry interval tries it; the others answer at once from the cache, so an
 * outage does not make every request wait for a connection time-out. Logged once when it starts and once when it
 * ends, with the exception's type and SQLState only: its message may carry the URL or a value.
 */
final class Outage {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcApiKeyStore.class);

    private final long retryMillis;
    private final long graceMillis;
    private final AtomicBoolean ongoing = new AtomicBoolean();
    private final AtomicLong nextTry = new AtomicLong(Long.MIN_VALUE);

    Outage(long retryMillis, long graceMillis) {
        this.retryMillis = retryMillis;
        this.graceMillis = graceMillis;
    }

    /** Whether this request should ask the database: always, unless it is away and another request just tried. */
    boolean mayTry(long now) {
        if (!ongoing.get()) {
            return true;
        }
        long due = nextTry.get();
        return now >= due && nextTry.compareAndSet(due, now + retryMillis);
    }

    void failed(long now, Exception e) {
        nextTry.set(now + retryMillis);
        if (ongoing.compareAndSet(false, true)) {
            String state = e instanceof SQLException sql ? " SQLState " + sql.getSQLState() : "";
            LOG.warn("API key store unreachable ({}{}); keys read in the last {} ms keep working, others are refused",
                    e.getClass().getSimpleName(), state, graceMillis);
        }
    }

    void ended() {
        if (ongoing.compareAndSet(true, false)) {
            LOG.info("API key store reachable again");
        }
    }
}
