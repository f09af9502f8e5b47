package org.aupat.foundation.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * What both archive databases share: a Hikari pool opened on the first connection, never before (a script
 * that needs no database touches none), after a check that may refuse by throwing (pre-flight's network-share
 * rule); closing drops the pool and a later connection opens it again. Each database says how it opens.
 */
abstract class PooledArchiveDatabase extends AbstractDataSource implements ArchiveDatabase, AutoCloseable {
    private final Runnable beforeFirstOpen;
    private volatile HikariDataSource pool;

    PooledArchiveDatabase(Runnable beforeFirstOpen) {
        this.beforeFirstOpen = beforeFirstOpen;
    }

    /** Checks what this database needs and opens its pool; runs once, after the check given to the constructor. */
    abstract HikariDataSource open();

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private HikariDataSource pool() {
        HikariDataSource p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    beforeFirstOpen.run();
                    pool = open();
                }
                p = pool;
            }
        }
        return p;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
