package org.aupat.foundation.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs every check, even after one fails, and reports all failures in one PreflightError (exit code 3). */
@Component
public class PreflightChecker {
    private static final Logger log = LoggerFactory.getLogger(PreflightChecker.class);

    /** Returns quietly when every check passes; otherwise throws naming each failed check. */
    public void requireAll(List<PreflightCheck> checks) {
        List<String> problems = new ArrayList<>();
        for (PreflightCheck check : checks) {
            Optional<String> problem;
            try {
                problem = check.problem();
            } catch (Exception e) {
                problem = Optional.of(String.valueOf(e.getMessage()));
            }
            problem.ifPresent(p -> problems.add(check.name() + ": " + p));
            log.info(LogMarkers.FILE_ONLY, "pre-flight {}: {}", check.name(), problem.orElse("ok"));
        }
        if (!problems.isEmpty()) {
            throw new PreflightError(problems.size() + " pre-flight check(s) failed; nothing was changed:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
