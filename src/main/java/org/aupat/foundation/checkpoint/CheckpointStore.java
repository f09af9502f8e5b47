package org.aupat.foundation.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jakarta.annotation.PreDestroy;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.error.CheckpointError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * The checkpoint database ({@code aupat.checkpoint-database}), separate from the archive database so
 * that losing it costs only speed. A file that is not a sound SQLite database is reported, moved aside
 * as {@code <name>.corrupt-<time>} and replaced by an empty one: the run then starts from the data.
 */
@Repository
public class CheckpointStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String COLUMNS = """
            script_name TEXT NOT NULL, operation_name TEXT NOT NULL, run_identity TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed', 'failed')),
            progress_data TEXT NOT NULL,
            items_read INTEGER NOT NULL DEFAULT 0, items_written INTEGER NOT NULL DEFAULT 0,
            items_skipped INTEGER NOT NULL DEFAULT 0, items_failed INTEGER NOT NULL DEFAULT 0,
            chunks_committed INTEGER NOT NULL DEFAULT 0, rollbacks INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL, updated_at TEXT NOT NULL, completed_at TEXT, error_message TEXT""";
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private SqliteDatabase database;
    private JdbcTemplate jdbc;

    @Autowired
    public CheckpointStore(AupatProperties properties) {
        this(properties.checkpointDatabase());
    }

    public CheckpointStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** The checkpoint with this identity, if one is stored. */
    public Optional<Checkpoint> find(CheckpointId id) {
        return jdbc().query("SELECT * FROM checkpoints WHERE checkpoint_id = ?", this::row, id.key()).stream()
                .findFirst();
    }

    /** Inserts or replaces a checkpoint row. */
    public void save(Checkpoint c) {
        jdbc().update("""
                INSERT OR REPLACE INTO checkpoints (checkpoint_id, script_name, operation_name, run_identity, status,
                  progress_data, items_read, items_written, items_skipped, items_failed, chunks_committed, rollbacks,
                  started_at, updated_at, completed_at, error_message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id().key(), c.id().script(), c.id().operation(), c.id().options(), c.status().column(), progressData(c),
                c.counts().read(), c.counts().written(), c.counts().skipped(), c.counts().failed(),
                c.chunksCommitted(), c.rollbacks(), text(c.startedAt()), text(c.updatedAt()), text(c.completedAt()),
                c.errorMessage());
    }

    /** Removes a checkpoint on purpose ({@code --restart}); true if there was one. */
    public boolean discard(CheckpointId id) {
        return jdbc().update("DELETE FROM checkpoints WHERE checkpoint_id = ?", id.key()) > 0;
    }

    /** Moves completed checkpoints older than the given age to checkpoints_archive; returns how many. */
    public int archiveCompletedOlderThan(Duration age) {
        String cutoff = text(Instant.now().minus(age));
        jdbc().update("INSERT INTO checkpoints_archive SELECT * FROM checkpoints"
                + " WHERE status = 'completed' AND completed_at < ?", cutoff);
        return jdbc().update("DELETE FROM checkpoints WHERE status = 'completed' AND completed_at < ?", cutoff);
    }

    private synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                jdbc = open();
            } catch (RuntimeException unsound) {
                close();
                moveAside(unsound);
                jdbc = open();
            }
        }
        return jdbc;
    }

    private JdbcTemplate open() {
        SqliteDatabase.requireSqliteOrAbsent(file, "aupat.checkpoint-database");
        database = new SqliteDatabase(file, "checkpoint database");
        JdbcTemplate template = new JdbcTemplate(database);
        String check = template.queryForObject("PRAGMA quick_check", String.class);
        if (!"ok".equals(check)) {
            throw new CheckpointError("integrity check failed: " + check);
        }
        template.execute("CREATE TABLE IF NOT EXISTS checkpoints (checkpoint_id TEXT PRIMARY KEY, " + COLUMNS + ")");
        template.execute("CREATE INDEX IF NOT EXISTS idx_checkpoints_script_operation"
                + " ON checkpoints (script_name, operation_name)");
        template.execute("CREATE TABLE IF NOT EXISTS checkpoints_archive (checkpoint_id TEXT NOT NULL, " + COLUMNS + ")");
        return template;
    }

    private void moveAside(RuntimeException unsound) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new CheckpointError("the checkpoint database " + file + " is unreadable (" + unsound.getMessage()
                    + ") and could not be moved aside: " + e.getMessage() + ". Move or delete it, then run again.", e);
        }
        log.warn("The checkpoint database {} was unreadable ({}); it was moved aside to {}."
                + " This run starts from the data instead of a checkpoint.", file, unsound.getMessage(), aside);
    }

    private Checkpoint row(ResultSet rs, int n) throws SQLException {
        JsonNode progress;
        try {
            progress = json.readTree(rs.getString("progress_data"));
        } catch (IOException e) {
            throw new CheckpointError("progress_data of checkpoint " + rs.getString("checkpoint_id") + " is not JSON", e);
        }
        return new Checkpoint(new CheckpointId(rs.getString("script_name"), rs.getString("operation_name"),
                rs.getString("run_identity")),
                Checkpoint.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                progress.path("current").asLong(), progress.path("total").asLong(), text(progress, "last_item"),
                text(progress, "input_digest"),
                new ChunkCounts(rs.getLong("items_read"), rs.getLong("items_written"), rs.getLong("items_skipped"),
                        rs.getLong("items_failed")),
                rs.getLong("chunks_committed"), rs.getLong("rollbacks"), instant(rs.getString("started_at")),
                instant(rs.getString("updated_at")), instant(rs.getString("completed_at")),
                rs.getString("error_message"));
    }

    private String progressData(Checkpoint c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("current", c.current());
        data.put("total", c.total());
        data.put("last_item", c.lastItem());
        data.put("input_digest", c.inputDigest());
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new CheckpointError("cannot write progress of checkpoint " + c.id().key(), e);
        }
    }

    private static String text(JsonNode progress, String field) {
        JsonNode value = progress.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    @Override
    @PreDestroy
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
        jdbc = null;
    }
}
