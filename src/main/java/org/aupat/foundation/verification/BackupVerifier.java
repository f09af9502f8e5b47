package org.aupat.foundation.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.aupat.foundation.db.SqliteFiles;
import org.aupat.foundation.error.BackupError;
import org.springframework.stereotype.Component;

/**
 * Proves a database backup usable before anyone relies on it (P0-5): it exists and is not empty,
 * opens read-only, passes {@code PRAGMA integrity_check}, holds the same tables with the same row
 * counts as its source, and is not older than the previous newest backup.
 */
@Component
public class BackupVerifier {
    private final SqliteFiles sqliteFiles;

    public BackupVerifier(SqliteFiles sqliteFiles) {
        this.sqliteFiles = sqliteFiles;
    }

    /**
     * Throws a BackupError naming the first check that failed.
     *
     * @param source         the database that was backed up (not written meanwhile: the caller holds the run lock)
     * @param backup         the backup to check
     * @param previousNewest modification time of the newest backup before this one, or null if none
     */
    public void verify(Path source, Path backup, FileTime previousNewest) {
        BasicFileAttributes attributes = attributes(backup);
        if (attributes.size() == 0) {
            throw new BackupError("the backup " + backup + " is empty.");
        }
        String integrity = sqliteFiles.integrityCheck(backup);
        if (!"ok".equals(integrity)) {
            throw new BackupError("the backup " + backup + " failed SQLite's integrity check: " + integrity);
        }
        Map<String, Long> expected = sqliteFiles.rowCounts(source);
        Map<String, Long> actual = sqliteFiles.rowCounts(backup);
        if (!expected.equals(actual)) {
            throw new BackupError("the backup " + backup + " does not hold the same tables and rows as " + source
                    + ": expected " + expected + ", found " + actual + ".");
        }
        FileTime written = attributes.lastModifiedTime();
        if (previousNewest != null && written.compareTo(previousNewest) < 0) {
            throw new BackupError("the backup " + backup + " (" + written + ") is older than the previous newest backup ("
                    + previousNewest + "). Check the system clock.");
        }
    }

    /** Read once: size and modification time describe the same file state. */
    private static BasicFileAttributes attributes(Path backup) {
        try {
            return Files.readAttributes(backup, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new BackupError("the backup " + backup + " does not exist or cannot be read: " + e.getMessage(), e);
        }
    }
}
