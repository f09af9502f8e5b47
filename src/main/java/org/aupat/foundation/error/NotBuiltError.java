package org.aupat.foundation.error;

/** A script that is in the catalog but not built yet in this version. */
public class NotBuiltError extends AupatError {
    public NotBuiltError(String message) {
        super(message);
    }

    public NotBuiltError(String message, Throwable cause) {
        super(message, cause);
    }

    public NotBuiltError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
