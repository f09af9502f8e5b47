package org.aupat.testing;

import java.util.function.Supplier;
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
}
