package org.aupat.foundation.error;

/** A row refers to a parent row that does not exist (SQLITE_CONSTRAINT_FOREIGNKEY). */
public class ForeignKeyError extends DatabaseError {
    public ForeignKeyError(String message) {
        super(message);
    }

    public ForeignKeyError(String message, Throwable cause) {
        super(message, cause);
    }

    public ForeignKeyError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
