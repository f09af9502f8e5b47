package org.aupat.testing;

import java.util.function.Supplier;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.importing.ImportSummary;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.logging.RunContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a service call in a test as a script would: run context and a fresh failure count. */
public final class InProcessRuns {
    private InProcessRuns() {
    }

    public static <T> T asScript(ConfigurableApplicationContext context, String script, Supplier<T> work) {
        RunContext.start(script);
        context.getBean(FailureLog.class).reset();
        try {
            return work.get();
        } finally {
            RunContext.clear();
        }
    }

    /** db_import's service calls as the script makes them: its checks, then the import under {@code run}. */
    public static ImportSummary imported(ConfigurableApplicationContext context, ImportRequest request, RunIdentity run) {
        ImportService imports = context.getBean(ImportService.class);
        return imports.run(imports.check(request), run);
    }
}
