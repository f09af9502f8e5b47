package org.aupat.foundation.progress;

import java.util.function.LongSupplier;
import org.aupat.foundation.console.Console;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts progress displays; on a terminal a live bar, elsewhere a line every N items or every few seconds. */
@Component
public class ProgressReporter {
    private final Console console;
    private final long everyItems;
    private final long everyNanos;
    private final LongSupplier clock;

    @Autowired
    public ProgressReporter(Console console, @Value("${aupat.progress.every-items:100}") long everyItems,
            @Value("${aupat.progress.every-seconds:10}") long everySeconds) {
        this(console, everyItems, everySeconds, System::nanoTime);
    }

    /** For tests: a clock in nanoseconds that the test moves by hand. */
    public ProgressReporter(Console console, long everyItems, long everySeconds, LongSupplier clock) {
        if (everyItems < 1 || everySeconds < 1) {
            throw new org.aupat.foundation.error.ConfigurationError("aupat.progress.every-items and"
                    + " aupat.progress.every-seconds must be at least 1; change the setting.");
        }
        this.console = console;
        this.everyItems = everyItems;
        this.everyNanos = everySeconds * 1_000_000_000L;
        this.clock = clock;
    }

    /**
     * Starts showing progress of a task of {@code total} items of which {@code done} are already done
     * (by an earlier, interrupted run); rate and ETA count only this run's items.
     */
    public Progress start(String task, long total, long done, String unit) {
        return new Progress(console, task, total, done, unit, everyItems, everyNanos, clock);
    }
}
