package org.aupat.foundation.error;

/**
 * The per-user settings file cannot be read. It is read before logging starts (it may move the log folder),
 * so it is reported on the console only, like {@link LogFolderError}; exit code 2 as any bad setting.
 */
public class UserConfigError extends ConfigurationError {
    public UserConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
