package org.aupat.foundation.db;

import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.DatabaseError;

/**
 * Turns a failure from the database layer into AUPAT's error, whichever database raised it: SQLite's
 * result codes ({@link SqliteErrors}) or PostgreSQL's SQLSTATEs ({@link PostgresErrors}). AupatErrors pass
 * through unchanged.
 */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    public static RuntimeException translate(Throwable failure) {
        if (failure instanceof AupatError a) {
            return a;
        }
        RuntimeException sqlite = SqliteErrors.translateSqlite(failure);
        if (sqlite != null) {
            return sqlite;
        }
        RuntimeException postgres = PostgresErrors.translate(failure);
        if (postgres != null) {
            return postgres;
        }
        return failure instanceof RuntimeException r ? r : new DatabaseError(failure.getMessage(), failure);
    }
}
