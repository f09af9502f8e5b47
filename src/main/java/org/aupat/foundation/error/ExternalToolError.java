package org.aupat.foundation.error;

/** exiftool or ffprobe is missing, failed, hung or returned nonsense. */
public class ExternalToolError extends AupatError {
    public ExternalToolError(String message) {
        super(message);
    }

    public ExternalToolError(String message, Throwable cause) {
        super(message, cause);
    }

    public ExternalToolError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
