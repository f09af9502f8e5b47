package org.aupat.foundation.db;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Questions about the database itself and its upkeep (db_cleanup): integrity, foreign keys, VACUUM, size, rows.
 * SQLite answers them with its pragmas; PostgreSQL enforces foreign keys on every write and checks its own
 * pages, so there the checks pass and upkeep is VACUUM (ANALYZE). The one place maintenance differs by database.
 */
@Repository
public class DatabaseHealth {
    private final JdbcTemplate jdbc;
    private final ArchiveDatabase database;

    public DatabaseHealth(JdbcTemplate jdbc, ArchiveDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    private boolean sqlite() {
        return database instanceof SqliteDatabase;
    }

    public boolean foreignKeysEnabled() {
        return !sqlite() || Integer.valueOf(1).equals(jdbc.queryForObject("PRAGMA foreign_keys", Integer.class));
    }

    public String journalMode() {
        return sqlite() ? jdbc.queryForObject("PRAGMA journal_mode", String.class) : "postgresql";
    }

    /** "ok" when SQLite finds nothing wrong, otherwise its first complaint; "ok" on PostgreSQL (see the class). */
    public String integrityCheck() {
        return sqlite() ? jdbc.queryForList("PRAGMA integrity_check", String.class).get(0) : "ok";
    }

    /** Number of rows that break a foreign key (none can on PostgreSQL). */
    public int foreignKeyViolations() {
        return sqlite() ? jdbc.queryForList("PRAGMA foreign_key_check").size() : 0;
    }

    /** Folds SQLite's write-ahead log into the file (nothing to do on PostgreSQL). */
    public void checkpoint() {
        if (sqlite()) {
            jdbc.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /** Reclaims free space: SQLite's VACUUM, then a WAL checkpoint; VACUUM (ANALYZE) on PostgreSQL. */
    public void vacuum() {
        if (sqlite()) {
            jdbc.execute("VACUUM");
            jdbc.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } else {
            jdbc.execute("VACUUM (ANALYZE)");
        }
    }

    /** Refreshes the planner's statistics: PRAGMA optimize, or ANALYZE. */
    public void optimize() {
        jdbc.execute(sqlite() ? "PRAGMA optimize" : "ANALYZE");
    }

    /** The database's size in bytes: the SQLite file's, or what the server reports for the database. */
    public long size() {
        if (database instanceof SqliteDatabase s) {
            try {
                return Files.size(s.file());
            } catch (IOException e) {
                return 0;
            }
        }
        Long bytes = jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class);
        return bytes == null ? 0 : bytes;
    }

    /** Rows per table, by table name. */
    public Map<String, Long> rowCounts() {
        List<String> tables = sqlite()
                ? jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        + " ORDER BY name", String.class)
                : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        + " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"",
                    Long.class));
        }
        return counts;
    }

    public static boolean transactionActive() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }
}
