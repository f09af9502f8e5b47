package org.aupat.foundation;

import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.logging.RunContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A child process for the crash test: {@code CrashableJob HOME TOTAL CHUNK SLEEP_MS} runs {@link ItemJob}
 * under the real aspects, printing "committed N" after each chunk, so a parent can kill it mid-run.
 */
public final class CrashableJob {
    private CrashableJob() {
    }

    public static void main(String[] args) {
        java.nio.file.Path home = java.nio.file.Path.of(args[0]);
        try (ConfigurableApplicationContext context = FoundationContext.start(home, ItemJobConfiguration.class)) {
            RunContext.start("crash_job");
            long written = context.getBean(ItemJob.class).run(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Long.parseLong(args[3]), new ChunkedRun(new RunIdentity("crash_job", "total=" + args[1], false)));
            System.out.println("finished, wrote " + written);
        }
        System.exit(0);
    }
}
