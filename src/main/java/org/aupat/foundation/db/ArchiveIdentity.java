package org.aupat.foundation.db;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The archive's identity: a random id stored once in the database (table {@code archive_identity}). File
 * journals are bound to it, so that a journal is recovered only against the archive that wrote it.
 */
@Repository
public class ArchiveIdentity {
    private final JdbcTemplate jdbc;
    private final SqliteDatabase database;
    private volatile String known;

    public ArchiveIdentity(JdbcTemplate jdbc, SqliteDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * The id, or empty while the database does not exist or is not migrated yet. Never creates the
     * database file; once found, it is kept for the rest of the run.
     */
    public Optional<String> find() {
        if (known == null && database.exists()) {
            List<String> tables = jdbc.queryForList(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'archive_identity'", String.class);
            if (!tables.isEmpty()) {
                known = jdbc.queryForList("SELECT archive_id FROM archive_identity WHERE one = 1", String.class)
                        .stream().findFirst().orElse(null);
            }
        }
        return Optional.ofNullable(known);
    }
}
