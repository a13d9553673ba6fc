package org.terrawatch.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means the store was busy rather than broken: a lock not granted within
 * {@link StoreSettings#lockWait()}, a deadlock or serialisation conflict the database resolved by cancelling this side,
 * or no pooled connection free in time. Such a request is worth repeating a moment later, so it is answered 503 with
 * {@code Retry-After}, not 500.
 */
public final class StoreBusy {

    /** SQLSTATEs of lock timeouts, deadlocks and serialisation failures (PostgreSQL; H2 raises SQLTransientExceptions). */
    private static final Set<String> STATES = Set.of("55P03", "40001", "40P01");

    private StoreBusy() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockingFailureException || t instanceof QueryTimeoutException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientException
                    || t instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
