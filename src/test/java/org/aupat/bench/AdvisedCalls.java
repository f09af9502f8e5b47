package org.aupat.bench;

import org.aupat.foundation.checkpoint.Checkpointed;
import org.aupat.foundation.checkpoint.ChunkCounts;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.failure.LogFailures;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** A trivial method behind each advice of the seed's stack, alone and together, plus a chunk and checkpoint writes. */
public class AdvisedCalls {
    /** A chunk as FileStager records it: 100 files read and written. */
    private static final ChunkCounts CHUNK = new ChunkCounts(100, 100, 0, 0);
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private final JdbcTemplate jdbc;

    public AdvisedCalls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, sha TEXT NOT NULL,"
                + " loc TEXT NOT NULL, added TEXT NOT NULL)");
    }

    /** The trivial work; called directly it is the plain call every advised variant is measured against. */
    public int work(int x) {
        return x + 1;
    }

    @LogFailures("bench work")
    public int failureLog(int x) {
        return work(x);
    }

    @RetryTransient
    public int retry(int x) {
        return work(x);
    }

    @Transactional
    public int transaction(int x) {
        return work(x);
    }

    /** The stack of AdviceProbe: what a chunk ledger carries, plus failure logging. */
    @LogFailures("bench work")
    @RetryTransient
    @Transactional
    public int stack(int x) {
        return work(x);
    }

    /** All four advices; each call is a whole checkpointed run (read, start and completion of its checkpoint). */
    @LogFailures("bench work")
    @Checkpointed("bench work")
    @RetryTransient
    @Transactional
    public int fullStack(int x, ChunkedRun run) {
        return work(x);
    }

    /** {@code n} checkpoint updates in one run; the run's own start and end add 3 statements to the n. */
    @Checkpointed("bench checkpoint updates")
    public void checkpointUpdates(int n, ChunkedRun run) {
        for (int i = 1; i <= n; i++) {
            run.chunkCommitted(i * 100L, "item-" + i, CHUNK);
        }
    }

    /** One committed chunk: {@code rows} inserts, one at a time as the repositories do, in one transaction. */
    @Transactional
    public int insertChunk(int rows) {
        for (int i = 0; i < rows; i++) {
            jdbc.update("INSERT INTO bench_rows (sha, loc, added) VALUES (?, ?, ?)", SHA,
                    "/archive/ny-industrial/bench-mill/photos/IMG_" + i + ".jpg", "2024-01-01T00:00:00Z");
        }
        return rows;
    }

    /** Registers the bean; not a @Configuration, so component scanning in test contexts skips it. */
    public static class Setup {
        @Bean
        AdvisedCalls advisedCalls(JdbcTemplate jdbc) {
            return new AdvisedCalls(jdbc);
        }
    }
}
