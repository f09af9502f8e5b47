package org.aupat.foundation.error;

/** The database was busy or locked by someone else; trying again later may succeed. */
public class TransientDatabaseError extends DatabaseError {
    public TransientDatabaseError(String message) {
        super(message);
    }

    public TransientDatabaseError(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientDatabaseError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
