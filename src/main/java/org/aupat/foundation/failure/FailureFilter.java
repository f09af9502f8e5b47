package org.aupat.foundation.failure;

import java.time.Instant;

/** Which failure records to show; a null field matches everything. */
public record FailureFilter(String script, String severity, Boolean recoverable, Instant since) {
    public static final FailureFilter ALL = new FailureFilter(null, null, null, null);

    boolean matches(FailureRecord r) {
        return (script == null || script.equals(r.script()))
                && (severity == null || severity.equalsIgnoreCase(r.severity()))
                && (recoverable == null || recoverable == r.recoverable())
                && (since == null || !r.timestamp().isBefore(since));
    }
}
