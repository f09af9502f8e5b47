package org.aupat.foundation.error;

/** An I/O failure that may pass if tried again (a network share that dropped, a file briefly locked). */
public class TransientFileSystemError extends FileSystemError {
    public TransientFileSystemError(String message, java.util.Map<String, ?> context, Throwable cause) {
        super(message, true, context, cause);
    }
}
