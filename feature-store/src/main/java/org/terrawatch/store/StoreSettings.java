package org.terrawatch.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a store. The URL alone decides PostGIS or H2GIS.
 *
 * @param jdbcUrl         e.g. {@code jdbc:postgresql://127.0.0.1:5432/terrawatch} or {@code jdbc:h2:file:/srv/data-dir/store/terrawatch}
 * @param username        user name, may be empty for H2
 * @param password        password, may be empty
 * @param maximumPoolSize upper bound of pooled connections
 * @param lockWait        the longest a statement waits for a lock another transaction holds, or a caller for a free
 *                        connection, before the store is reported busy ({@link StoreBusy})
 */
public record StoreSettings(String jdbcUrl, String username, String password, int maximumPoolSize, Duration lockWait) {

    /** The default {@link #lockWait}. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    public StoreSettings(String jdbcUrl, String username, String password, int maximumPoolSize) {
        this(jdbcUrl, username, password, maximumPoolSize, LOCK_WAIT);
    }

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (lockWait == null || lockWait.toMillis() < 1) {
            throw new IllegalArgumentException("lockWait must be at least a millisecond: " + lockWait);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1: " + maximumPoolSize);
        }
    }

    /** These settings with another lock wait. */
    public StoreSettings withLockWait(Duration wait) {
        return new StoreSettings(jdbcUrl, username, password, maximumPoolSize, wait);
    }

    public StoreType type() {
        return StoreType.forJdbcUrl(jdbcUrl);
    }

    /**
     * The embedded store kept in a folder. Commits are written through at once ({@code WRITE_DELAY=0}):
     * an accepted alert or edit must survive the process being killed right after the commit.
     */
    public static StoreSettings embedded(java.nio.file.Path folder, String databaseName) {
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve(databaseName) + ";WRITE_DELAY=0";
        return new StoreSettings(url, "terrawatch", "", 10);
    }
}
