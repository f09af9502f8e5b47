package org.aupat.foundation.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.error.DatabaseError;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.springframework.stereotype.Repository;

/**
 * Looks into an SQLite file other than through the archive's connection, read-only, changing no byte
 * of it: a backup being verified, or a database db_migrate has not yet decided to touch.
 */
@Repository
public class SqliteFiles {

    /** Work on one read-only connection to {@code file}; the file must exist. */
    public interface ReadOnlyWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on a read-only connection that sets no pragma that would write. */
    public <T> T readOnly(Path file, ReadOnlyWork<T> work) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseError("cannot open " + file + ": the file does not exist.");
        }
        SqliteNativeLibrary.load(); // a library that cannot load must not pass for a damaged file
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                config.toProperties())) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DatabaseError("cannot read the SQLite file " + file + ": " + e.getMessage(), e);
        }
    }

    /** "ok" when SQLite finds the file sound, otherwise its first complaint (a file it cannot read at all included). */
    public String integrityCheck(Path file) {
        try {
            return readOnly(file, c -> firstColumn(c, "PRAGMA integrity_check").get(0));
        } catch (DatabaseError e) {
            return e.getMessage();
        }
    }

    /** Each table of the file (SQLite's own excluded) with its number of rows, in name order. */
    public Map<String, Long> rowCounts(Path file) {
        return readOnly(file, c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : firstColumn(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                counts.put(table, Long.valueOf(firstColumn(c, "SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"").get(0)));
            }
            return counts;
        });
    }

    /** The first column of every row a query returns, as text. */
    public static List<String> firstColumn(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
