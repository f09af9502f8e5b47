package org.aupat.archive.replication;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.aupat.foundation.error.DatabaseError;
import org.springframework.stereotype.Repository;

/**
 * Makes the database of an empty home from a verified backup: SQLite writes a consistent copy of the
 * backup ({@code VACUUM INTO}) at the database's path, after checking the backup's integrity. The
 * backup is opened read-only on a connection of its own, never through the archive's pool.
 */
@Repository
class RecoveryRepository {
    void restore(Path backup, Path database) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + backup + "?mode=ro");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new DatabaseError("the backup " + backup + " fails SQLite's integrity check (" + result
                            + "); nothing was restored from it.", null);
                }
            }
            try (var p = c.prepareStatement("VACUUM INTO ?")) {
                p.setString(1, database.toString());
                p.execute();
            }
        } catch (SQLException e) {
            throw new DatabaseError("cannot restore the database " + database + " from " + backup + ": "
                    + e.getMessage(), e);
        }
    }
}
