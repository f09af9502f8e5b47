package org.aupat.archive.replication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.aupat.foundation.db.SqliteFiles;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.FileSystemCalls;
import org.springframework.stereotype.Repository;

/**
 * Makes the database of an empty home from a verified backup, so that a kill at any instant leaves
 * either no database or a whole one: the backup's bytes are copied to a temporary name beside the
 * database, hashed as they are written and compared with the backup's SHA-256, flushed, checked by
 * SQLite's integrity check, and only then renamed into place (the folder flushed after). A temporary
 * left by a killed run is removed first. The copy is opened read-only, never through the archive's pool.
 */
@Repository
class RecoveryRepository {
    static final String TEMP_SUFFIX = ".aupat-tmp";
    /** What SQLite may leave beside a file it opened. */
    private static final String[] SIDE_FILES = {"-wal", "-shm", "-journal"};
    private final FileSystemCalls fs;
    private final SqliteFiles sqlite;
    private final RecordedPaths paths;

    RecoveryRepository(FileSystemCalls fs, SqliteFiles sqlite, RecordedPaths paths) {
        this.fs = fs;
        this.sqlite = sqlite;
        this.paths = paths;
    }

    /** The temporary name the database is made under. */
    static Path temporary(Path database) {
        return database.resolveSibling(database.getFileName() + TEMP_SUFFIX);
    }

    /** Removes a temporary database (and what SQLite left beside it) that a killed run left. */
    void removeLeftover(Path database) {
        Path temp = temporary(database);
        removeSideFiles(temp);
        try {
            deleteIfThere(temp);
        } catch (IOException e) {
            throw new DatabaseError("cannot remove " + temp + ", left by an interrupted recover: " + e.getMessage()
                    + ". Remove it by hand, then run again.", e);
        }
    }

    /**
     * Writes and checks the database under its temporary name; {@link #place} then gives it its name.
     * Throws a DatabaseError (and leaves no temporary) when the bytes or SQLite's check disagree.
     */
    void prepare(Path backup, String sha256, Path database) {
        removeLeftover(database);
        Path temp = temporary(database);
        try {
            Files.createDirectories(database.getParent());
            MessageDigest digest = FileHasher.newDigest();
            try (InputStream in = fs.openRead(backup); FileChannel out = fs.createNew(temp)) {
                byte[] buffer = FileHasher.readBuffer();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    fs.write(out, ByteBuffer.wrap(buffer, 0, n));
                }
                fs.force(out);
            }
            String written = FileHasher.hex(digest.digest());
            if (!written.equalsIgnoreCase(sha256)) {
                throw new DatabaseError("the copy of the backup " + backup + " hashes to " + written + ", not to the "
                        + sha256 + " of its .sha256 file; nothing was restored from it.", null);
            }
            String check = sqlite.integrityCheck(temp);
            if (!"ok".equals(check)) {
                throw new DatabaseError("the backup " + backup + " fails SQLite's integrity check (" + check
                        + "); nothing was restored from it.", null);
            }
        } catch (IOException e) {
            removeLeftover(database);
            throw new DatabaseError("cannot copy the backup " + backup + " to " + temp + ": " + e.getMessage(), e);
        } catch (DatabaseError e) {
            removeLeftover(database);
            throw e;
        }
        removeSideFiles(temp);
    }

    /**
     * Moves the paths the prepared database records onto this home's folders ({@link RecordedPaths}), before
     * it gets its name: a kill leaves the temporary, which the next run makes again. Returns the moves made.
     */
    java.util.List<RecordedPaths.Move> rebase(Path database, RecordedPaths.Home home) {
        Path temp = temporary(database);
        java.util.List<RecordedPaths.Move> moves = paths.rebase(temp, home);
        removeSideFiles(temp);
        return moves;
    }

    /** Renames the prepared database into place and flushes its folder. */
    void place(Path database) {
        Path temp = temporary(database);
        try {
            fs.rename(temp, database);
            fs.forceDirectory(database.getParent());
        } catch (IOException e) {
            throw new DatabaseError("cannot rename " + temp + " to " + database + ": " + e.getMessage(), e);
        }
    }

    private void deleteIfThere(Path file) throws IOException {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            fs.delete(file);
        }
    }

    private void removeSideFiles(Path file) {
        for (String side : SIDE_FILES) {
            try {
                deleteIfThere(file.resolveSibling(file.getFileName() + side));
            } catch (IOException e) {
                throw new DatabaseError("cannot remove " + file + side + ": " + e.getMessage(), e);
            }
        }
    }
}
