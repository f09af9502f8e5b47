package org.aupat.foundation;

import org.aupat.foundation.checkpoint.ChunkCounts;
import org.aupat.foundation.checkpoint.Checkpointed;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.failure.LogFailures;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;

/**
 * A chunked job written the way an import service should be: the run-level method declares
 * {@code @LogFailures} and {@code @Checkpointed}; each chunk is one {@code @RetryTransient @Transactional}
 * call on another bean ({@link ItemWriter}), and after it commits the checkpoint moves on.
 */
public class ItemJob {
    private final ItemWriter writer;
    private final ProgressReporter progress;

    public ItemJob(ItemWriter writer, ProgressReporter progress) {
        this.writer = writer;
        this.progress = progress;
    }

    @LogFailures("write items")
    @Checkpointed("write items")
    public long run(int total, int chunk, long sleepMillis, ChunkedRun run) {
        run.total(total);
        long written = 0;
        try (Progress shown = progress.start("write items", total, run.position(), "items")) {
            for (long from = run.position(); from < total; from += chunk) {
                long to = Math.min(total, from + chunk);
                int n = writer.writeChunk(from, to, sleepMillis);
                written += n;
                run.chunkCommitted(to, "item-" + (to - 1), new ChunkCounts(to - from, n, to - from - n, 0));
                shown.advance(to - from);
                System.out.println("committed " + to);
            }
        }
        return written;
    }
}
