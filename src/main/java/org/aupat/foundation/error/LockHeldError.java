package org.aupat.foundation.error;

/** Another AUPAT run holds the lock on this database. */
public class LockHeldError extends AupatError {
    public LockHeldError(String message) {
        super(message);
    }

    public LockHeldError(String message, Throwable cause) {
        super(message, cause);
    }

    public LockHeldError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.LOCKED;
    }
}
