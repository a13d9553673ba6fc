package org.terrawatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open store: a connection pool, the schema migrated to the latest version, a {@link JdbcClient} for the
 * one SQL code path, and transactions. Built once per application and closed at shutdown.
 *
 * <p>Statements issued through {@link #jdbc()} inside {@link #inTransaction(Supplier)} share the transaction;
 * outside it each statement commits on its own.
 *
 * <p>Waiting is bounded: a statement waits at most {@link StoreSettings#lockWait()} for a lock another transaction
 * holds, and a request at most as long for a pooled connection; then it fails with an exception that
 * {@link StoreBusy} recognises, which the web layer answers as 503 with {@code Retry-After}.
 */
public final class SpatialStore implements AutoCloseable {

    private final StoreType type;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransactions;

    private SpatialStore(StoreType type, HikariDataSource dataSource) {
        this.type = type;
        this.dialect = Dialect.of(type);
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        this.transactions = new TransactionTemplate(manager);
        this.ownTransactions = new TransactionTemplate(manager);
        ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Opens the store and migrates its schema.
     *
     * @param settings           where the store is
     * @param migrationLocations Flyway classpath locations, e.g. {@code db/migration}; for each, the common
     *                           folder {@code <location>/common} and the store's own {@code <location>/<vendor>}
     *                           are applied in one version sequence
     */
    public static SpatialStore open(StoreSettings settings, String... migrationLocations) {
        StoreType type = settings.type();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.username());
        pool.setPassword(settings.password());
        pool.setMaximumPoolSize(settings.maximumPoolSize());
        pool.setPoolName("terrawatch-" + type.migrationVendor());
        pool.setConnectionInitSql(Dialect.of(type).lockTimeout(settings.lockWait().toMillis()));
        pool.setConnectionTimeout(Math.max(250, settings.lockWait().toMillis()));
        HikariDataSource dataSource = new HikariDataSource(pool);
        SpatialStore store = new SpatialStore(type, dataSource);
        try {
            store.enableSpatial();
            store.migrate(migrationLocations);
            return store;
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw new StoreException("Cannot open the " + type.displayName() + " store at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private void enableSpatial() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            dialect.enableSpatial(connection);
        }
    }

    private void migrate(String... migrationLocations) {
        List<String> locations = new ArrayList<>();
        for (String location : migrationLocations) {
            locations.add("classpath:" + location + "/common");
            locations.add("classpath:" + location + "/" + type.migrationVendor());
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(false)
                // Enabling the spatial functions creates their metadata tables (spatial_ref_sys and the like)
                // before the first migration; that state is version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("spatial functions enabled")
                .load()
                .migrate();
    }

    public StoreType type() {
        return type;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Runs the work in one transaction: it commits when the work returns and rolls back when it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.execute(status -> work.get());
    }

    /**
     * Runs the work in a transaction of its own, on another connection, committed when the work returns even if the
     * caller's transaction later rolls back: for short bookkeeping (a counter) that must not hold locks for as long as
     * the caller's transaction lasts.
     */
    public <T> T inOwnTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return ownTransactions.execute(status -> work.get());
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Product and extension versions, e.g. "PostgreSQL 15.18, PostGIS 3.3.2". */
    public String describe() {
        try (Connection connection = dataSource.getConnection()) {
            return dialect.describe(connection);
        } catch (SQLException e) {
            throw new StoreException("Cannot read the store's version: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
