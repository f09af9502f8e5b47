package org.aupat.foundation.error;

/** The checkpoint database could not be read or written. */
public class CheckpointError extends AupatError {
    public CheckpointError(String message) {
        super(message);
    }

    public CheckpointError(String message, Throwable cause) {
        super(message, cause);
    }

    public CheckpointError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
