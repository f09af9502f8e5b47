package org.aupat.foundation.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressReporter reporter(boolean terminal) {
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        return new ProgressReporter(new Console(stream, stream, terminal), 100, 5, nanos::get);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipesGetAProgressLineEveryNItemsOrEveryFewSecondsStartingAtTheResumedPosition() {
        try (Progress p = reporter(false).start("stage", 1000, 340, "files")) {
            p.advance(99);
            p.advance(1);
            p.advance(10);
            nanos.addAndGet(6_000_000_000L);
            p.advance(1);
        }
        assertThat(text().lines()).containsExactly("PROGRESS: 340/1000 files", "PROGRESS: 440/1000 files",
                "PROGRESS: 451/1000 files");
    }

    @Test
    void aTerminalGetsALiveBarWithCountPercentRateElapsedAndEta() {
        Progress p = reporter(true).start("stage", 1000, 340, "files");
        nanos.addAndGet(10_000_000_000L);
        p.advance(160);
        assertThat(p.bar()).isEqualTo("stage [===============               ] 500/1000 files 50% 16.0 files/s"
                + " elapsed 00:00:10 ETA 00:00:31");
        p.close();
        assertThat(text()).startsWith("\rstage [").endsWith(System.lineSeparator()).doesNotContain("PROGRESS");
        assertThat(p.done()).isEqualTo(500);
    }

    @Test
    void unknownTotalsAndQuietRunsDoNotBreakTheDisplay() {
        ProgressReporter reporter = reporter(true);
        Progress p = reporter.start("scan", 0, 0, "files");
        assertThat(p.summary()).contains("0/0 files 100%", "ETA --:--:--");
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Console quiet = new Console(stream, stream, true);
        quiet.configure(true, false);
        bytes.reset();
        try (Progress q = new ProgressReporter(quiet, 1, 1, nanos::get).start("x", 2, 0, "files")) {
            q.advance(2);
        }
        assertThat(text()).isEmpty();
        assertThatThrownBy(() -> new ProgressReporter(quiet, 0, 1)).isInstanceOf(ConfigurationError.class);
    }
}
