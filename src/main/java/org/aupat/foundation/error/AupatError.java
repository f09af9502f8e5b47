package org.aupat.foundation.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Root of every error AUPAT raises on purpose: a message meant for a person, whether the run may
 * skip the item and go on (recoverable), context for the logs, and the exit code it maps to.
 */
public class AupatError extends RuntimeException {
    private final boolean recoverable;
    private final Map<String, Object> context;

    public AupatError(String message) {
        this(message, false, null, null);
    }

    public AupatError(String message, Throwable cause) {
        this(message, false, null, cause);
    }

    public AupatError(String message, boolean recoverable, Map<String, ?> context, Throwable cause) {
        super(message, cause);
        this.recoverable = recoverable;
        this.context = context == null ? new LinkedHashMap<>() : new LinkedHashMap<>(context);
    }

    public boolean recoverable() {
        return recoverable;
    }

    /** Extra facts for the logs (file path, uuid, sha...). */
    public Map<String, Object> context() {
        return Collections.unmodifiableMap(context);
    }

    /** Adds a fact to the context and returns this error, for fluent use at throw sites. */
    public AupatError with(String key, Object value) {
        context.put(key, value);
        return this;
    }

    public int exitCode() {
        return ExitCode.FAILED;
    }
}
