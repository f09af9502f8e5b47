package org.aupat.foundation.error;

/** A row would duplicate a unique key such as a SHA-256 (SQLITE_CONSTRAINT_UNIQUE). */
public class UniqueConstraintError extends DatabaseError {
    public UniqueConstraintError(String message) {
        super(message);
    }

    public UniqueConstraintError(String message, Throwable cause) {
        super(message, cause);
    }

    public UniqueConstraintError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
