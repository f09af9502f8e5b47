package org.aupat.foundation.failure;

import java.time.Instant;
import java.util.Map;

/** One line of logs/failure.log: what failed, where, why, what AUPAT did about it and whether a person must act. */
public record FailureRecord(Instant timestamp, String script, String function, String operation, String severity,
        boolean recoverable, String errorType, String errorMessage, String traceback, Map<String, Object> context,
        String recoveryAction, boolean userActionRequired) {

    /** A recoverable item failure that was skipped. */
    public static final String WARNING = "WARNING";
    /** A failure that stopped the run. */
    public static final String ERROR = "ERROR";
    /** An unexpected error (a defect rather than bad input) that stopped the run. */
    public static final String CRITICAL = "CRITICAL";
}
