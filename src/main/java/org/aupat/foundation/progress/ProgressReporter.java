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
    private final int width;

    @Autowired
    public ProgressReporter(Console console, @Value("${aupat.progress.every-items:100}") long everyItems,
            @Value("${aupat.progress.every-seconds:10}") long everySeconds) {
        this(console, everyItems, everySeconds, System::nanoTime, barWidth(System.getenv("COLUMNS")));
    }

    /** For tests: a clock in nanoseconds that the test moves by hand. */
    public ProgressReporter(Console console, long everyItems, long everySeconds, LongSupplier clock) {
        this(console, everyItems, everySeconds, clock, 0);
    }

    /**
     * For tests: also the live bar's width in columns ({@link #barWidth}); 0 lets the bar read the terminal's
     * width itself.
     */
    public ProgressReporter(Console console, long everyItems, long everySeconds, LongSupplier clock, int width) {
        if (everyItems < 1 || everySeconds < 1) {
            throw new org.aupat.foundation.error.ConfigurationError("aupat.progress.every-items and"
                    + " aupat.progress.every-seconds must be at least 1; change the setting.");
        }
        this.console = console;
        this.everyItems = everyItems;
        this.everyNanos = everySeconds * 1_000_000_000L;
        this.clock = clock;
        this.width = width;
    }

    /**
     * The bar's width from an exported {@code COLUMNS} (a user's override; shells seldom export it): one
     * column less, since a line that fills the last column wraps on some terminals. 0 (ask the terminal)
     * when it is not set or not a sensible number.
     */
    static int barWidth(String columns) {
        try {
            int n = columns == null ? 0 : Integer.parseInt(columns.strip());
            return n >= 20 && n <= 1000 ? n - 1 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Starts showing progress of a task of {@code total} items of which {@code done} are already done
     * (by an earlier, interrupted run); rate and ETA count only this run's items.
     */
    public Progress start(String task, long total, long done, String unit) {
        return new Progress(console, task, total, done, unit, everyItems, everyNanos, clock, width);
    }
}
