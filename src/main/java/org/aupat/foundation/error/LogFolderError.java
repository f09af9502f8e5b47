package org.aupat.foundation.error;

/** The log folder cannot take AUPAT's logs: reported on the console only, since nothing can be logged. */
public class LogFolderError extends PreflightError {
    public LogFolderError(String message) {
        super(message);
    }
}
