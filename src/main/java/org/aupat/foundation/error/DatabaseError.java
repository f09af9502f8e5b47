package org.aupat.foundation.error;

/** A failure reading or writing the SQLite database. */
public class DatabaseError extends AupatError {
    public DatabaseError(String message) {
        super(message);
    }

    public DatabaseError(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
