package org.aupat.foundation.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.aupat.foundation.db.DatabaseHealth;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.VerificationError;
import org.aupat.foundation.hashing.FileHasher;
import org.springframework.stereotype.Component;

/**
 * Checks, right after an operation, that it really happened: the rows it claims, a copy with the
 * same size and SHA-256 as its source, a move that left nothing behind, a folder, and a database
 * whose foreign keys and constraints still hold. Each failure is a typed error that stops the work.
 */
@Component
public class PostOperationVerifier {
    private final FileHasher hasher;
    private final DatabaseHealth database;

    public PostOperationVerifier(FileHasher hasher, DatabaseHealth database) {
        this.hasher = hasher;
        this.database = database;
    }

    /** The statement changed exactly the expected number of rows. */
    public void rowsChanged(String operation, int expected, int actual) {
        if (expected != actual) {
            throw new VerificationError(operation + " changed " + actual + " rows, expected " + expected
                    + "; the transaction is rolled back.", Map.of("operation", operation, "expected", expected,
                    "actual", actual));
        }
    }

    /** The table holds exactly the expected number of rows whose column equals the value. */
    public void rowCount(String table, String column, Object value, int expected) {
        int actual = database.countWhere(table, column, value);
        if (actual != expected) {
            throw new VerificationError(table + " holds " + actual + " rows with " + column + " = " + value
                    + ", expected " + expected + ".", Map.of("table", table, "column", column,
                    "expected", expected, "actual", actual));
        }
    }

    /** The destination is a regular file of the source's size and SHA-256; returns that SHA-256. */
    public String fileCopied(Path source, Path destination) {
        requireRegularFile(source, "copy source");
        requireRegularFile(destination, "copy");
        long sourceSize = size(source);
        long destinationSize = size(destination);
        if (sourceSize != destinationSize) {
            throw new VerificationError("copy " + destination + " has " + destinationSize + " bytes but its source "
                    + source + " has " + sourceSize + "; the copy is incomplete.",
                    Map.of("path", destination.toString(), "expected", sourceSize, "actual", destinationSize));
        }
        String expected = hasher.sha256(source);
        sha256Matches(destination, expected);
        return expected;
    }

    /** The source is gone and the destination holds the expected bytes. */
    public void fileMoved(Path source, Path destination, String expectedSha256) {
        if (Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new VerificationError("move left its source behind: " + source + " still exists.",
                    Map.of("path", source.toString()));
        }
        sha256Matches(destination, expectedSha256);
    }

    /** The folder exists (as a folder, not a link to one). */
    public void directoryCreated(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemError("folder " + directory + " was not created.", false,
                    Map.of("path", directory.toString()), null);
        }
    }

    /** The file's SHA-256 is the expected one. */
    public void sha256Matches(Path file, String expectedSha256) {
        requireRegularFile(file, "file");
        String actual = hasher.sha256(file);
        if (!actual.equals(expectedSha256)) {
            throw new ChecksumMismatchError(file, expectedSha256, actual);
        }
    }

    /** No row refers to a missing parent row (PRAGMA foreign_key_check). */
    public void foreignKeysSatisfied() {
        int violations = database.foreignKeyViolations();
        if (violations > 0) {
            throw new ForeignKeyError(violations + " rows refer to missing parent rows (PRAGMA foreign_key_check);"
                    + " restore the last verified backup.", false, Map.of("violations", violations), null);
        }
    }

    /** The database file is sound and its NOT NULL and CHECK constraints hold (PRAGMA integrity_check). */
    public void constraintsHold() {
        String result = database.integrityCheck();
        if (!"ok".equals(result)) {
            throw new VerificationError("the database fails its integrity check: " + result
                    + "; restore the last verified backup.", Map.of("integrity_check", result));
        }
    }

    private static void requireRegularFile(Path file, String what) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemError(what + " " + file + " is missing or not a regular file.", false,
                    Map.of("path", file.toString()), null);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new FileSystemError("cannot read the size of " + file + ": " + e.getMessage(), false,
                    Map.of("path", file.toString()), e);
        }
    }
}
