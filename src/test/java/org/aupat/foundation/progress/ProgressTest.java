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
    void aTerminalGetsALiveBarRedrawnInPlaceWithCountPercentAndRate() {
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new ProgressReporter(new Console(stream, stream, true), 100, 5, nanos::get, 79)
                .start("stage", 1000, 340, "files");
        p.advance(160);
        p.redraw();
        p.advance(500);
        p.close();
        String[] draws = text().split("\r");
        assertThat(draws.length).as(text()).isGreaterThanOrEqualTo(3);
        // Drawn on demand here; the bar's own thread may draw more often, never differently.
        assertThat(draws).anySatisfy(d -> assertThat(d).startsWith("stage").contains("50%").contains("500/1000 files"));
        assertThat(draws[draws.length - 1]).contains("100%").contains("1000/1000 files").contains("files/s")
                .endsWith(System.lineSeparator());
        assertThat(text()).doesNotContain("PROGRESS");
        assertThat(p.done()).isEqualTo(1000);
    }

    @Test
    void theBarNeverWrapsAt80ColumnsOrAnyOtherWidth() {
        for (String columns : new String[] {"80", "40", "200"}) {
            bytes.reset();
            int width = ProgressReporter.barWidth(columns);
            assertThat(width).isEqualTo(Integer.parseInt(columns) - 1);
            PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Progress p = new ProgressReporter(new Console(stream, stream, true), 100, 5, nanos::get, width)
                    .start("organizing images", 123_456, 0, "files");
            p.advance(61_728);
            p.redraw();
            p.close();
            for (String draw : text().split("\r")) {
                assertThat(draw.strip().length()).as(columns + " columns: " + draw).isLessThanOrEqualTo(width);
                assertThat(draw.stripTrailing()).doesNotContain("\n");
            }
            assertThat(text()).contains("50%");
        }
    }

    @Test
    void anExportedColumnsSetsTheWidthAndAnythingOddLeavesItToTheTerminal() {
        assertThat(ProgressReporter.barWidth("80")).isEqualTo(79);
        assertThat(ProgressReporter.barWidth(" 132 ")).isEqualTo(131);
        for (String odd : new String[] {null, "", "wide", "5", "-80", "99999"}) {
            assertThat(ProgressReporter.barWidth(odd)).as(String.valueOf(odd)).isZero();
        }
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
