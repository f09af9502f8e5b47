package org.aupat.foundation.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.TransientDatabaseError;
import org.aupat.foundation.error.UniqueConstraintError;

/**
 * Turns PostgreSQL's SQLSTATE codes into AUPAT's errors, as {@link SqliteErrors} does SQLite's result codes:
 * a serialization failure, a deadlock or a lost connection may pass if tried again; a unique or foreign-key
 * violation never does.
 */
final class PostgresErrors {
    private PostgresErrors() {
    }

    /** The AUPAT error for a failure carrying an SQLSTATE, or null when none in the chain has one. */
    static RuntimeException translate(Throwable failure) {
        SQLException sql = find(failure);
        if (sql == null) {
            return null;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        Map<String, Object> context = Map.of("sqlstate", state);
        String message = firstLine(sql);
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return new TransientDatabaseError("the database is busy (another run is writing the same rows): " + message,
                    true, context, failure);
        }
        if (state.startsWith("08") || state.equals("57P01") || sql instanceof SQLTransientConnectionException) {
            return new TransientDatabaseError("the connection to the PostgreSQL server failed: " + message, true,
                    context, failure);
        }
        if (state.equals("23505")) {
            return new UniqueConstraintError("a row would duplicate a unique value: " + message, false, context, failure);
        }
        if (state.equals("23503")) {
            return new ForeignKeyError("a row refers to a missing parent row: " + message, false, context, failure);
        }
        if (state.equals("42P01")) {
            return new ConfigurationError("the database is not set up yet (" + message + "). Run --script=db_migrate"
                    + " first (the pipeline script does this for you), or check that aupat.database names"
                    + " AUPAT's database.", false, context, failure);
        }
        if (state.equals("53100")) {
            return new DatabaseError("the disk holding the PostgreSQL database is full: " + message
                    + ". Free some space on the server and run again.", false, context, failure);
        }
        return new DatabaseError("database error: " + message, false, context, failure);
    }

    private static SQLException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getSQLState() != null || s instanceof SQLTransientConnectionException)) {
                return s;
            }
        }
        return null;
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int newline = m.indexOf('\n');
        return (newline < 0 ? m : m.substring(0, newline)).trim();
    }
}
