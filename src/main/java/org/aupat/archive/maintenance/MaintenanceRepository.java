package org.aupat.archive.maintenance;

import org.aupat.foundation.db.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.db.SqliteFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of upkeep: the versions table, VACUUM, and a read-only look at a database before touching it. */
@Repository
class MaintenanceRepository {
    private final JdbcTemplate jdbc;
    private final SqliteFiles sqliteFiles;

    MaintenanceRepository(JdbcTemplate jdbc, SqliteFiles sqliteFiles) {
        this.jdbc = jdbc;
        this.sqliteFiles = sqliteFiles;
    }

    /** What a database file holds, read without writing a byte to it. */
    record ExistingDatabase(List<String> tables, List<String> appliedMigrations, Optional<String> prefixLength) {
    }

    ExistingDatabase inspect(Path file) {
        return sqliteFiles.readOnly(file, c -> {
            List<String> tables = SqliteFiles.firstColumn(c,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
            List<String> applied = tables.contains("flyway_schema_history")
                    ? SqliteFiles.firstColumn(c, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success = 1")
                    : List.of();
            List<String> prefix = tables.contains("versions")
                    ? SqliteFiles.firstColumn(c, "SELECT version FROM versions WHERE modules = 'prefix_length'")
                    : List.of();
            return new ExistingDatabase(tables, applied, prefix.stream().findFirst());
        });
    }

    /** The tables of a database on a server (its current schema), by name. */
    List<String> tablesOnServer() {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
    }

    /** The migrations the connected database has applied (it has a Flyway history). */
    List<String> appliedMigrations() {
        return jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success = ?",
                String.class, true);
    }

    boolean hasTable(String table) {
        return Tables.exist(jdbc, table);
    }

    /** Inserts or updates one row of {@code versions} (one row per component). */
    void upsertVersion(String module, String version, String now) {
        jdbc.update("INSERT INTO versions (modules, version, ver_updated) VALUES (?, ?, ?)"
                + " ON CONFLICT (modules) DO UPDATE SET version = excluded.version, ver_updated = excluded.ver_updated",
                module, version, now);
    }

    Optional<String> version(String module) {
        return jdbc.queryForList("SELECT version FROM versions WHERE modules = ?", String.class, module).stream().findFirst();
    }

    /** A consistent copy of the whole database into a new file (safe while the database is in WAL mode). */
    void vacuumInto(Path target) {
        jdbc.update("VACUUM INTO ?", target.toString());
    }


    /** A media row's file: table, sha256 and recorded path. */
    interface MediaFileVisitor {
        void visit(String table, String sha256, String path);
    }

    /** Streams every media row's recorded path (rows are not held in memory). */
    void forEachMediaFile(MediaFileVisitor visitor) {
        jdbc.query("SELECT 'images', img_sha256, img_loc FROM images UNION ALL SELECT 'videos', vid_sha256, vid_loc FROM videos"
                + " UNION ALL SELECT 'documents', doc_sha256, doc_loc FROM documents",
                rs -> {
                    visitor.visit(rs.getString(1), rs.getString(2), rs.getString(3));
                });
    }

    /** Folders db_folder made for web pages: their content has no rows of its own. */
    List<String> urlFolders() {
        return jdbc.queryForList("SELECT url_loc FROM urls WHERE url_loc IS NOT NULL", String.class);
    }
}
