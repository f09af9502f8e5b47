package org.aupat.foundation.error;

/** A setting or rule file that is missing or wrong. */
public class ConfigurationError extends AupatError {
    public ConfigurationError(String message) {
        super(message);
    }

    public ConfigurationError(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigurationError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}
