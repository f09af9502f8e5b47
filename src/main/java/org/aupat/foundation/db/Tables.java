package org.aupat.foundation.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether a table exists, asked through JDBC's metadata so that it reads the same on SQLite and on
 * PostgreSQL (sqlite_master and information_schema are each one database's). Read scripts ask before they
 * read, as they must never create or upgrade the schema.
 */
public final class Tables {
    private Tables() {
    }

    /** Whether every named table exists (in PostgreSQL: in the connection's current schema). */
    public static boolean exist(JdbcTemplate jdbc, String... names) {
        Boolean all = jdbc.execute((ConnectionCallback<Boolean>) c -> {
            String schema = c.getSchema();
            for (String name : names) {
                if (!exists(c.getMetaData(), schema, name)) {
                    return false;
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(all);
    }

    /** The columns of a table, in the connection's current schema, by name. */
    public static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table.toLowerCase(Locale.ROOT), null)) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME"));
                }
            }
            return names;
        });
    }

    private static boolean exists(java.sql.DatabaseMetaData meta, String schema, String name) throws SQLException {
        // PostgreSQL folds unquoted names to lower case; AUPAT's tables are all lower case.
        try (ResultSet rs = meta.getTables(null, schema, name.toLowerCase(Locale.ROOT), new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
