package org.aupat.foundation.db;

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
    private final ArchiveDatabase database;
    private volatile String known;

    public ArchiveIdentity(JdbcTemplate jdbc, ArchiveDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * The id, or empty while the database does not exist or is not migrated yet. Never creates the
     * database file; once found, it is kept for the rest of the run.
     */
    public Optional<String> find() {
        if (known == null && database.exists()) {
            if (Tables.exist(jdbc, "archive_identity")) {
                known = jdbc.queryForList("SELECT archive_id FROM archive_identity WHERE one = 1", String.class)
                        .stream().findFirst().orElse(null);
            }
        }
        return Optional.ofNullable(known);
    }
}
