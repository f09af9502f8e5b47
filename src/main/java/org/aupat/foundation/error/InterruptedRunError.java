package org.aupat.foundation.error;

/** The run was stopped by a signal at a safe point; the same command resumes it. Never skipped or retried. */
public class InterruptedRunError extends AupatError {
    private final int exitCode;

    public InterruptedRunError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
