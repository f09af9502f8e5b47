package org.aupat.foundation.interruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.InterruptedRunError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions of a signal, in process: the first one is a request honoured at the next safe point, a
 * second one or a run that reaches no safe point in time stops at once. The real signals on the real jar
 * are SignalIT's; stopping at once is the JVM's halt there, recorded here instead.
 */
class InterruptionTest {
    private final List<Integer> halted = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(err, true, StandardCharsets.UTF_8);

    @BeforeEach
    void recordInsteadOfHalting() {
        Interruption.stoppingWith(halted::add, 1, TimeUnit.HOURS);
    }

    @AfterEach
    void forget() throws InterruptedException {
        Interruption.reset();
    }

    @Test
    void withoutASignalEverySafePointLetsTheRunGoOn() {
        assertThatCode(Interruption::atSafePoint).doesNotThrowAnyException();
    }

    @Test
    void aSignalStopsTheRunAtTheNextSafePointWithItsExitCode() {
        Interruption.requested("TERM", console);

        assertThatThrownBy(Interruption::atSafePoint).isInstanceOf(InterruptedRunError.class)
                .hasMessageContaining("interrupted by SIGTERM").hasMessageContaining("Run the same command again")
                .satisfies(e -> assertThat(((AupatError) e).exitCode()).isEqualTo(143));
        assertThat(halted).as("nothing stopped at once").isEmpty();
        assertThat(Interruption.exitCode("INT")).isEqualTo(130);
    }

    @Test
    void aSecondSignalStopsAtOnceSayingTheNextRunUndoesWhatWasUnfinished() {
        Interruption.requested("INT", console);
        Interruption.requested("INT", console);

        assertThat(halted).containsExactly(130);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("interrupted by SIGINT (a second signal)")
                .contains("undoes what was left unfinished");
    }

    @Test
    void aRunThatReachesNoSafePointInTimeStopsAtOnce() throws InterruptedException {
        Interruption.stoppingWith(halted::add, 50, TimeUnit.MILLISECONDS);
        Interruption.requested("TERM", console);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (halted.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(halted).containsExactly(143);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no safe point within");
    }
}
