package org.aupat.foundation.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Questions about the database connection itself: pragmas in force, integrity, open transaction. */
@Repository
public class DatabaseHealth {
    private final JdbcTemplate jdbc;

    public DatabaseHealth(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean foreignKeysEnabled() {
        return Integer.valueOf(1).equals(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class));
    }

    public String journalMode() {
        return jdbc.queryForObject("PRAGMA journal_mode", String.class);
    }

    /** "ok" when SQLite finds nothing wrong, otherwise its first complaint. */
    public String integrityCheck() {
        return jdbc.queryForList("PRAGMA integrity_check", String.class).get(0);
    }

    /** Number of rows that break a foreign key. */
    public int foreignKeyViolations() {
        return jdbc.queryForList("PRAGMA foreign_key_check").size();
    }

    public static boolean transactionActive() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }
}
