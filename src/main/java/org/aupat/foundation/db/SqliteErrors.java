package org.aupat.foundation.db;

import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.TransientDatabaseError;
import org.aupat.foundation.error.UniqueConstraintError;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's result codes into AUPAT's errors. Spring reports a foreign-key violation only as
 * an UncategorizedSQLException; the code inside tells what really happened.
 */
public final class SqliteErrors {
    private SqliteErrors() {
    }

    /**
     * The AUPAT error for a failure from the database layer; AupatErrors pass through unchanged. Kept for
     * SQLite-only code; everything else calls {@link DatabaseErrors#translate}, which serves both databases.
     */
    public static RuntimeException translate(Throwable failure) {
        return DatabaseErrors.translate(failure);
    }

    /** The AUPAT error for an SQLite failure, or null when there is no SQLiteException in the chain. */
    static RuntimeException translateSqlite(Throwable failure) {
        SQLiteException sqlite = find(failure);
        if (sqlite == null) {
            return null;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        Map<String, Object> context = Map.of("sqlite_code", code.name());
        String message = sqlite.getMessage();
        return switch (code) {
            case SQLITE_CONSTRAINT_FOREIGNKEY -> new ForeignKeyError(
                    "a row refers to a missing parent row: " + message, false, context, failure);
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> new UniqueConstraintError(
                    "a row would duplicate a unique value: " + message, false, context, failure);
            case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED,
                    SQLITE_LOCKED_SHAREDCACHE -> new TransientDatabaseError(
                    "the database is busy (another process is writing): " + message, true, context, failure);
            case SQLITE_FULL -> new DatabaseError("the disk holding the database is full: " + message
                    + ". Free some space and run again.", false, context, failure);
            // A script run before db_migrate: the user's step to take, not a failure of the database.
            case SQLITE_ERROR -> message != null && message.contains("no such table")
                    ? new ConfigurationError("the database is not set up yet (" + message + "). Run --script=db_migrate"
                    + " first (the pipeline script does this for you), or check that aupat.database names"
                    + " AUPAT's database.", false, context, failure)
                    : new DatabaseError("database error: " + message, false, context, failure);
            default -> new DatabaseError("database error: " + message, false, context, failure);
        };
    }

    private static SQLiteException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return s;
            }
        }
        return null;
    }
}
