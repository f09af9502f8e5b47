package org.aupat.foundation.progress;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One task's progress; call {@link #advance(long)} as items finish and {@link #close()} at the end. */
public final class Progress implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    /** How often the live bar is redrawn. */
    private static final int REDRAW_MILLIS = 250;
    private final Console console;
    private final String task;
    private final long total;
    private final long resumedAt;
    private final String unit;
    private final long everyItems;
    private final long everyNanos;
    private final LongSupplier clock;
    private final long started;
    /** The live bar on a terminal (none with --quiet or off a terminal). */
    private final ProgressBar bar;
    private final EndsOnce barOutput;
    private long done;
    private long lastLineDone;
    private long lastLineAt;

    Progress(Console console, String task, long total, long done, String unit, long everyItems, long everyNanos,
            LongSupplier clock, int width) {
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
        this.barOutput = console.isTerminal() && !console.isQuiet() ? new EndsOnce(console, width) : null;
        this.bar = barOutput == null ? null : liveBar();
        if (bar == null) {
            show(true);
        }
    }

    /**
     * The library's bar: it shortens itself to {@code width} columns (0: the terminal's width, which it reads
     * through JLine, less one column so that the cursor never wraps) and redraws in place with a carriage
     * return. ASCII, because a terminal in the C locale shows block characters as question marks.
     */
    private ProgressBar liveBar() {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .startsFrom(done, Duration.ZERO).setUnit(" " + unit, 1).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(REDRAW_MILLIS)
                .setConsumer(barOutput).build();
    }

    /**
     * The bar's output, ended (its line finished) exactly once: the library ends it only when its drawing
     * thread has drawn at least once before, which a task of a few milliseconds may not give it.
     */
    private static final class EndsOnce extends ConsoleProgressBarConsumer {
        private final AtomicBoolean ended = new AtomicBoolean();

        EndsOnce(Console console, int width) {
            super(console.progressStream(), width);
        }

        @Override
        public void close() {
            if (ended.compareAndSet(false, true)) {
                super.close();
            }
        }
    }

    public long done() {
        return done;
    }

    /** Counts {@code items} more as done and moves the bar or, when due, writes a progress line. */
    public void advance(long items) {
        done += items;
        if (bar != null) {
            bar.stepBy(items);
        } else {
            show(false);
        }
    }

    /** The live bar's current text, drawn now (tests; the bar draws itself every {@value #REDRAW_MILLIS} ms). */
    void redraw() {
        if (bar != null) {
            bar.refresh();
        }
    }

    /** Finishes the display: the bar's last state stays on screen, and a last line is written elsewhere. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            barOutput.close();
        } else if (!console.isTerminal() && done != lastLineDone) {
            line();
        }
        log.info(LogMarkers.FILE_ONLY, "{}: {}", task, summary());
    }

    private void show(boolean first) {
        if (console.isTerminal()) {
            return; // a quiet run on a terminal: no bar, no lines
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

    /** For the log file: count, percent, rate, elapsed and ETA. */
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
