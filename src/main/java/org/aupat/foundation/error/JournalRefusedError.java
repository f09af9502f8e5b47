package org.aupat.foundation.error;

/**
 * A file journal left by an interrupted run that recovery will not act on: it belongs to another archive,
 * was changed by hand, is not in AUPAT's format, or would touch something outside AUPAT's folders. It is
 * kept for a person to look at; nothing was changed (exit 3, like a failed pre-flight check).
 */
public class JournalRefusedError extends PreflightError {
    public JournalRefusedError(String message) {
        super(message);
    }
}
