package org.aupat.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.checkpoint.Checkpoint;
import org.aupat.foundation.checkpoint.CheckpointId;
import org.aupat.foundation.checkpoint.CheckpointStore;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.failure.FailureFilter;
import org.aupat.foundation.failure.FailureQuery;
import org.aupat.foundation.failure.FailureRecord;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.retry.RetryConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The foundations working together in the real context: advice order, transactions, failures, resume, progress. */
class FoundationIntegrationTest {
    @TempDir
    Path home;
    private ConfigurableApplicationContext context;
    private static final RunIdentity RUN = new RunIdentity("crash_job", "total=50", false);
    private static final CheckpointId WRITE_ITEMS = RUN.checkpoint("write items");

    @BeforeEach
    void start() {
        CapturedConsole.OUT.reset();
        context = FoundationContext.start(home, ItemJobConfiguration.class, AdviceProbe.Setup.class,
                CapturedConsole.class);
        RunContext.start("crash_job");
    }

    @AfterEach
    void stop() {
        context.close();
        RunContext.clear();
    }

    /** Failure log -> retry -> transaction: two busy attempts roll back, the third commits once, no failure line. */
    @Test
    void busyTwiceThenSuccessCommitsOnceLogsTwoRetriesAndNoFailure() {
        AdviceProbe probe = context.getBean(AdviceProbe.class);
        probe.busyFor(2);
        try (LogCapture retries = new LogCapture(RetryConfiguration.class);
                LogCapture failures = new LogCapture("aupat.failure")) {
            probe.write();
            assertThat(probe.calls()).isEqualTo(3);
            assertThat(probe.rows()).isEqualTo(1);
            assertThat(retries.messages()).hasSize(2);
            assertThat(retries.messages().get(0)).startsWith("retry 1 of 3 in ").contains("SQLITE_BUSY");
            assertThat(retries.messages().get(1)).startsWith("retry 2 of 3 in ");
            assertThat(failures.messages()).isEmpty();
        }
    }

    @Test
    void busyEveryTimeGivesUpAfterFourAttemptsAndLogsOneFailure() {
        AdviceProbe probe = context.getBean(AdviceProbe.class);
        probe.busyFor(100);
        try (LogCapture failures = new LogCapture("aupat.failure")) {
            assertThatThrownBy(probe::write).hasMessageContaining("busy");
            assertThat(probe.calls()).isEqualTo(4);
            assertThat(probe.rows()).isZero();
            assertThat(failures.messages()).singleElement().asString()
                    .contains("\"error_type\":\"TransientDatabaseError\"", "\"operation\":\"probe write\"");
        }
    }

    @Test
    void validationErrorsAreNeverRetriedAndTheirTransactionRollsBack() {
        AdviceProbe probe = context.getBean(AdviceProbe.class);
        assertThatThrownBy(probe::refuse).isInstanceOf(ValidationError.class);
        assertThat(probe.calls()).isEqualTo(1);
        assertThat(probe.rows()).isZero();
    }

    /** A fatal item error rolls back its chunk, is logged once, keeps the checkpoint; the rerun resumes. */
    @Test
    void failedRunKeepsItsCheckpointAndTheRerunResumesWithProgressFromThere() throws Exception {
        ItemWriter writer = context.getBean(ItemWriter.class);
        ItemJob job = context.getBean(ItemJob.class);
        writer.failOn(23L);
        assertThatThrownBy(() -> job.run(50, 10, 0, new ChunkedRun(RUN))).hasMessageContaining("item 23");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM items", Integer.class)).isEqualTo(20);
        CheckpointStore store = context.getBean(CheckpointStore.class);
        Checkpoint failed = store.find(WRITE_ITEMS).orElseThrow();
        assertThat(failed.status()).isEqualTo(Checkpoint.Status.FAILED);
        assertThat(failed.current()).isEqualTo(20);
        assertThat(failed.chunksCommitted()).isEqualTo(2);
        assertThat(failed.errorMessage()).contains("item 23");
        assertThat(failureRecords()).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo(FailureRecord.CRITICAL);
            assertThat(r.function()).isEqualTo("ItemJob.run");
            assertThat(r.recoverable()).isFalse();
        });

        writer.failOn(null);
        CapturedConsole.OUT.reset();
        assertThat(job.run(50, 10, 0, new ChunkedRun(RUN))).isEqualTo(30);
        assertThat(CapturedConsole.text()).contains("resuming crash_job from 20/50 (last done: item-19)");
        assertThat(CapturedConsole.text().lines().filter(l -> l.startsWith("PROGRESS:")).findFirst())
                .hasValue("PROGRESS: 20/50 items");
        assertThat(CapturedConsole.text()).contains("PROGRESS: 50/50 items");
        assertThat(jdbc.queryForList("SELECT id FROM items ORDER BY id", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 50).boxed().toList());
        Checkpoint done = store.find(WRITE_ITEMS).orElseThrow();
        assertThat(done.status()).isEqualTo(Checkpoint.Status.COMPLETED);
        assertThat(done.counts().written()).isEqualTo(50);

        CapturedConsole.OUT.reset();
        assertThat(job.run(50, 10, 0, new ChunkedRun(RUN))).as("a completed run starts over, finding all done")
                .isZero();
        assertThat(CapturedConsole.text()).doesNotContain("resuming");
    }

    @Test
    void restartDiscardsTheCheckpointOnPurpose() {
        ItemWriter writer = context.getBean(ItemWriter.class);
        ItemJob job = context.getBean(ItemJob.class);
        writer.failOn(15L);
        assertThatThrownBy(() -> job.run(50, 10, 0, new ChunkedRun(RUN))).isInstanceOf(IllegalStateException.class);
        writer.failOn(null);
        CapturedConsole.OUT.reset();
        job.run(50, 10, 0, new ChunkedRun(new RunIdentity("crash_job", "total=50", true)));
        assertThat(CapturedConsole.text()).contains("--restart: discarded the checkpoint of crash_job")
                .doesNotContain("resuming").contains("PROGRESS: 0/50 items");
    }

    @Test
    void callingWithoutTheProxyIsACleanErrorNotASilentRun() {
        assertThatThrownBy(() -> new ChunkedRun(RUN).position()).hasMessageContaining("through its Spring proxy");
        ItemJob direct = new ItemJob(context.getBean(ItemWriter.class),
                context.getBean(org.aupat.foundation.progress.ProgressReporter.class));
        assertThatThrownBy(() -> direct.run(5, 5, 0, new ChunkedRun(RUN))).isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(home.resolve("logs/failure.log"))).isTrue();
    }

    /** The run a method is given is the one it works on: its identity names the checkpoint, and it serves one call. */
    @Test
    void theCheckpointBelongsToTheIdentityTheCallerGaveAndARunServesOneCall() {
        ItemJob job = context.getBean(ItemJob.class);
        RunIdentity other = new RunIdentity("crash_job", "total=5", false);
        ChunkedRun run = new ChunkedRun(other);
        assertThat(job.run(5, 5, 0, run)).isEqualTo(5);
        CheckpointStore store = context.getBean(CheckpointStore.class);
        assertThat(store.find(other.checkpoint("write items"))).hasValueSatisfying(
                c -> assertThat(c.status()).isEqualTo(Checkpoint.Status.COMPLETED));
        assertThat(store.find(WRITE_ITEMS)).isEmpty();
        assertThatThrownBy(() -> job.run(5, 5, 0, run)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already used");
    }

    private java.util.List<FailureRecord> failureRecords() {
        return new FailureQuery(home.resolve("logs")).find(FailureFilter.ALL);
    }
}
