package org.aupat.foundation.progress;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One task's progress; call {@link #advance(long)} as items finish and {@link #close()} at the end. */
public final class Progress implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final int BAR_WIDTH = 30;
    private final Console console;
    private final String task;
    private final long total;
    private final long resumedAt;
    private final String unit;
    private final long everyItems;
    private final long everyNanos;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private long lastLineDone;
    private long lastLineAt;

    Progress(Console console, String task, long total, long done, String unit, long everyItems, long everyNanos,
            LongSupplier clock) {
        this.console = console;
        this.task = task;
        this.total = total;
        this.resumedAt = done;
        this.done = done;
        this.unit = unit;
        this.everyItems = everyItems;
        this.everyNanos = everyNanos;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastLineDone = done;
        this.lastLineAt = started;
        show(true);
    }

    public long done() {
        return done;
    }

    /** Counts {@code items} more as done and redraws the bar or, when due, writes a progress line. */
    public void advance(long items) {
        done += items;
        show(false);
    }

    /** Finishes the display: the bar's last state stays on screen, and a last line is written elsewhere. */
    @Override
    public void close() {
        if (console.isTerminal()) {
            if (!console.isQuiet()) {
                console.progressStream().println();
            }
        } else if (done != lastLineDone) {
            line();
        }
        log.info(LogMarkers.FILE_ONLY, "{}: {}", task, summary());
    }

    private void show(boolean first) {
        if (console.isTerminal()) {
            if (!console.isQuiet()) {
                console.progressStream().print("\r" + bar());
                console.progressStream().flush();
            }
            return;
        }
        long now = clock.getAsLong();
        if (first || done - lastLineDone >= everyItems || now - lastLineAt >= everyNanos) {
            line();
        }
    }

    private void line() {
        lastLineDone = done;
        lastLineAt = clock.getAsLong();
        console.info("PROGRESS: " + done + "/" + total + " " + unit);
        log.info(LogMarkers.FILE_ONLY, "{}: {}", task, summary());
    }

    /** The live bar: task, bar, count, percent, rate, elapsed and ETA. */
    String bar() {
        int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return String.format(Locale.ROOT, "%s [%s%s] %s", task, "=".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                summary());
    }

    String summary() {
        double seconds = (clock.getAsLong() - started) / 1e9;
        double rate = seconds <= 0 ? 0 : (done - resumedAt) / seconds;
        String eta = rate <= 0 || total <= done ? "--:--:--" : clockTime((long) ((total - done) / rate));
        long percent = total <= 0 ? 100 : done * 100 / total;
        return String.format(Locale.ROOT, "%d/%d %s %d%% %.1f %s/s elapsed %s ETA %s", done, total, unit, percent,
                rate, unit, clockTime((long) seconds), eta);
    }

    private static String clockTime(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
