package org.aupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.foundation.rollback.FileTransactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** The runner turns "finished, but items were skipped" into exit code 4; a script knows its run identity. */
class ScriptRunnerFailuresTest {
    @TempDir
    Path home;

    @Command(name = "failures")
    // An inner (not static) class, so the catalog test's scan for script classes skips it.
    class Skipping extends AupatScript {
        private final FailureLog failureLog;
        private final int skips;
        RunIdentity identity;

        Skipping(ScriptRunner runner, FailureLog failureLog, int skips) {
            super(runner);
            this.failureLog = failureLog;
            this.skips = skips;
        }

        @Override
        protected int execute() {
            identity = runIdentity();
            for (int i = 0; i < skips; i++) {
                failureLog.record(new FileSystemError("bad file " + i, true, null, null), "S.execute", "stage", true);
            }
            return ExitCode.OK;
        }

        @Override
        protected String identifyingOptions() {
            return "source=/in";
        }
    }

    @Test
    void skippedItemsMakeAnOtherwiseSuccessfulRunExitFour() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        AupatProperties properties = new AupatProperties(home.resolve("data/aupat.db"), home.resolve("data/cp.db"),
                home.resolve("staging"), home.resolve("archive"), home.resolve("backups"), home.resolve("logs"),
                home.resolve("rules"), "exiftool", "ffprobe");
        FailureLog failureLog = new FailureLog();
        ScriptRunner runner = new ScriptRunner(console, new RunLock(properties), properties, failureLog,
                new FileTransactions(properties.journals(), new DiskFileSystem()), java.util.Optional::empty);

        Skipping restarted = new Skipping(runner, failureLog, 2);
        assertThat(runner.run(restarted, "--restart")).isEqualTo(ExitCode.ITEM_FAILURES);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("failures finished but skipped 2 item(s)");
        assertThat(restarted.identity).isEqualTo(new RunIdentity("failures", "source=/in", true));

        Skipping plain = new Skipping(runner, failureLog, 0);
        assertThat(runner.run(plain)).as("the count starts again each run").isEqualTo(ExitCode.OK);
        assertThat(plain.identity.restart()).isFalse();
    }
}
