package org.aupat.foundation.checkpoint;

import java.time.Instant;
import org.aupat.foundation.checkpoint.Checkpoint.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handle a chunked operation works with: where to resume, and what to record after each committed
 * chunk. Checkpoints only make resume fast, so a checkpoint that cannot be written is reported once and
 * the run goes on without them.
 */
public final class ChunkedRun {
    private static final Logger log = LoggerFactory.getLogger(ChunkedRun.class);
    /** What a caller passes for the ChunkedRun parameter of a {@link Checkpointed} method. */
    public static final ChunkedRun SUPPLIED = new ChunkedRun(null, null);

    private final CheckpointStore store;
    private Checkpoint state;
    private final boolean resumed;
    private boolean storeFailed;

    ChunkedRun(CheckpointStore store, Checkpoint state) {
        this.store = store;
        this.state = state;
        this.resumed = state != null && state.current() > 0;
    }

    /** Number of items already done by earlier runs: start with the item at this position. */
    public long position() {
        return live().current();
    }

    /** The last item of the last committed chunk (to check that the input is still the same), or null. */
    public String lastItem() {
        return live().lastItem();
    }

    /** Whether this run continues an interrupted one. */
    public boolean resumed() {
        live();
        return resumed;
    }

    /** Total items, 0 until set. */
    public long total() {
        return live().total();
    }

    public ChunkCounts counts() {
        return live().counts();
    }

    public long chunksCommitted() {
        return live().chunksCommitted();
    }

    public long rollbacks() {
        return live().rollbacks();
    }

    /** Records how many items the whole run has (done and to do). */
    public void total(long total) {
        update(live().current(), total, state.lastItem(), ChunkCounts.NONE, 0, 0);
    }

    /** Call right after a chunk's transaction committed: position = items done so far, counts = this chunk's. */
    public void chunkCommitted(long position, String lastItem, ChunkCounts chunk) {
        update(position, Math.max(live().total(), position), lastItem, chunk, 1, 0);
    }

    /** Call when a chunk's transaction rolled back (it will be done again). */
    public void chunkRolledBack() {
        update(live().current(), state.total(), state.lastItem(), ChunkCounts.NONE, 0, 1);
    }

    /** The run finished: its checkpoint no longer says where to resume. */
    public void completed() {
        state = live().in(Status.COMPLETED, Instant.now(), null);
        write();
    }

    /** The run stopped on an error: the checkpoint keeps the position and the error for the next run. */
    public void failed(Throwable error) {
        state = live().in(Status.FAILED, null, String.valueOf(error.getMessage()));
        write();
    }

    private void update(long position, long total, String lastItem, ChunkCounts chunk, long chunks, long rollbacks) {
        Checkpoint s = live();
        state = new Checkpoint(s.id(), s.script(), s.operation(), s.identity(), Status.IN_PROGRESS, position, total,
                lastItem, s.counts().plus(chunk), s.chunksCommitted() + chunks, s.rollbacks() + rollbacks,
                s.startedAt(), Instant.now(), null, null);
        write();
    }

    void write() {
        if (storeFailed) {
            return;
        }
        try {
            store.save(state);
        } catch (RuntimeException e) {
            storeFailed = true;
            log.warn("Cannot write the checkpoint to {} ({}); the run goes on, but an interrupted run would start"
                    + " over.", store.file(), e.getMessage());
        }
    }

    private Checkpoint live() {
        if (state == null) {
            throw new IllegalStateException("ChunkedRun.SUPPLIED was used directly: call the @Checkpointed method"
                    + " through its Spring proxy (not from inside its own class) so the aspect can supply the run");
        }
        return state;
    }
}
