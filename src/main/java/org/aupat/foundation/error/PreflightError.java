package org.aupat.foundation.error;

/** One or more pre-flight checks failed before anything was changed. */
public class PreflightError extends AupatError {
    public PreflightError(String message) {
        super(message);
    }

    public PreflightError(String message, Throwable cause) {
        super(message, cause);
    }

    public PreflightError(String message, boolean recoverable, java.util.Map<String, ?> context, Throwable cause) {
        super(message, recoverable, context, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.PREFLIGHT;
    }
}
