package org.aupat.archive.identify;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads everything that belongs to one location, table by table, streaming rows to a callback. The streaming
 * reads are read-only transactions: on PostgreSQL only a query inside a transaction goes through a cursor
 * (PostgresDatabase's fetch size); in autocommit the driver would hold every row of the table at once.
 */
@Repository
class MasterJsonRepository {
    /** Tables exported in the master JSON, with the columns they are ordered by (stable output). */
    enum Section {
        SUB_LOCATIONS("sub_locations", "loc_add, sub_uuid"),
        IMAGES("images", "img_add, img_sha256"),
        VIDEOS("videos", "vid_add, vid_sha256"),
        DOCUMENTS("documents", "doc_add, doc_sha256"),
        URLS("urls", "url_add, url_uuid");

        final String table;
        final String orderBy;

        Section(String table, String orderBy) {
            this.table = table;
            this.orderBy = orderBy;
        }
    }

    /** One column of a row: its name and value as SQLite gave it. */
    record Column(String name, Object value) {
    }

    /** Receives one row at a time. */
    interface RowSink {
        void row(List<Column> columns) throws java.io.IOException;
    }

    private final JdbcTemplate jdbc;

    MasterJsonRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locations whose JSON is missing or older than their last change. */
    List<String> staleLocations() {
        return jdbc.queryForList("SELECT loc_uuid FROM locations WHERE json_update IS NULL OR loc_update > json_update"
                + " ORDER BY loc_add, loc_uuid", String.class);
    }

    List<String> allLocations() {
        return jdbc.queryForList("SELECT loc_uuid FROM locations ORDER BY loc_add, loc_uuid", String.class);
    }

    /** The location's archive folder (loc_loc), or null when db_folder has not run. */
    String locationFolder(String locationUuid) {
        List<String> folders = jdbc.queryForList("SELECT loc_loc FROM locations WHERE loc_uuid = ?", String.class, locationUuid);
        return folders.isEmpty() ? null : folders.get(0);
    }

    @Transactional(readOnly = true)
    void location(String locationUuid, RowSink sink) {
        stream("SELECT * FROM locations WHERE loc_uuid = ?", sink, locationUuid);
    }

    @Transactional(readOnly = true)
    void rows(Section section, String locationUuid, RowSink sink) {
        stream("SELECT * FROM " + section.table + " WHERE loc_uuid = ? ORDER BY " + section.orderBy, sink, locationUuid);
    }

    long count(Section section, String locationUuid) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + section.table + " WHERE loc_uuid = ?", Long.class, locationUuid);
        return n == null ? 0 : n;
    }

    void markExported(String locationUuid, String now) {
        // json_update only: touching loc_update would make the location stale again at once.
        jdbc.update("UPDATE locations SET json_update = ? WHERE loc_uuid = ?", now, locationUuid);
    }

    private void stream(String sql, RowSink sink, Object... args) {
        jdbc.query(sql, (RowCallbackHandler) rs -> emit(rs, sink), args);
    }

    private static void emit(ResultSet rs, RowSink sink) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Column> columns = new java.util.ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            // PostgreSQL's media tables spell out the rowid SQLite keeps hidden; it is no fact of the file.
            if (!meta.getColumnName(i).equalsIgnoreCase("rowid")) {
                columns.add(new Column(meta.getColumnName(i), rs.getObject(i)));
            }
        }
        try {
            sink.row(columns);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
