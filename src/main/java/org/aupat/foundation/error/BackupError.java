package org.aupat.foundation.error;

/** A database backup could not be made or did not verify. */
public class BackupError extends AupatError {
    public BackupError(String message) {
        super(message);
    }

    public BackupError(String message, Throwable cause) {
        super(message, cause);
    }

    public BackupError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
