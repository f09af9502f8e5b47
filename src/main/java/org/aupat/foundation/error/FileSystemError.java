package org.aupat.foundation.error;

/** A failure reading, writing, moving or deleting a file or folder. */
public class FileSystemError extends AupatError {
    public FileSystemError(String message) {
        super(message);
    }

    public FileSystemError(String message, Throwable cause) {
        super(message, cause);
    }

    public FileSystemError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }
}
