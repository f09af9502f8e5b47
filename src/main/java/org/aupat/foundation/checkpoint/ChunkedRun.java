package org.aupat.foundation.checkpoint;

import java.time.Instant;
import java.util.Objects;
import org.aupat.foundation.checkpoint.Checkpoint.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handle a chunked operation works with: where to resume, and what to record after each committed
 * chunk. The caller makes it for its run ({@code new ChunkedRun(identity)}) and passes it to a
 * {@link Checkpointed} method, around which the checkpoint aspect opens it at that run's checkpoint.
 * Checkpoints only make resume fast, so a checkpoint that cannot be written is reported once and the run
 * goes on without them.
 */
public final class ChunkedRun {
    private static final Logger log = LoggerFactory.getLogger(ChunkedRun.class);

    private final RunIdentity identity;
    private CheckpointStore store;
    private Checkpoint state;
    private boolean resumed;
    private boolean storeFailed;

    /** A run of this identity, not yet opened: give it to one {@link Checkpointed} method. */
    public ChunkedRun(RunIdentity identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** A run already open at this checkpoint. */
    ChunkedRun(CheckpointStore store, Checkpoint state) {
        this(new RunIdentity(state.id().script(), state.id().options(), false));
        open(store, state);
    }

    /** Which run this is. */
    public RunIdentity identity() {
        return identity;
    }

    /** Called by the aspect before the checkpointed method runs: a run serves one call. */
    void open(CheckpointStore checkpoints, Checkpoint start) {
        if (state != null) {
            throw new IllegalStateException("this ChunkedRun of " + identity + " was already used: make one per call");
        }
        this.store = checkpoints;
        this.state = start;
        this.resumed = start.current() > 0;
    }

    /** Number of items already done by earlier runs: start with the item at this position. */
    public long position() {
        return live().current();
    }

    /** The last item of the last committed chunk (to check that the input is still the same), or null. */
    public String lastItem() {
        return live().lastItem();
    }

    /** The digest of the input done up to {@link #position()}, as recorded by the operation, or null. */
    public String inputDigest() {
        return live().inputDigest();
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
        Checkpoint s = live();
        update(s.current(), total, s.lastItem(), s.inputDigest(), ChunkCounts.NONE, 0, 0);
    }

    /** Call right after a chunk's transaction committed: position = items done so far, counts = this chunk's. */
    public void chunkCommitted(long position, String lastItem, ChunkCounts chunk) {
        chunkCommitted(position, lastItem, null, chunk);
    }

    /** As {@link #chunkCommitted(long, String, ChunkCounts)}, with the digest of the input done so far. */
    public void chunkCommitted(long position, String lastItem, String inputDigest, ChunkCounts chunk) {
        update(position, Math.max(live().total(), position), lastItem, inputDigest, chunk, 1, 0);
    }

    /** Call when a chunk's transaction rolled back (it will be done again). */
    public void chunkRolledBack() {
        Checkpoint s = live();
        update(s.current(), s.total(), s.lastItem(), s.inputDigest(), ChunkCounts.NONE, 0, 1);
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

    private void update(long position, long total, String lastItem, String inputDigest, ChunkCounts chunk, long chunks,
            long rollbacks) {
        Checkpoint s = live();
        state = new Checkpoint(s.id(), Status.IN_PROGRESS, position, total, lastItem, inputDigest, s.counts().plus(chunk),
                s.chunksCommitted() + chunks, s.rollbacks() + rollbacks, s.startedAt(), Instant.now(), null, null);
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
            throw new IllegalStateException("this ChunkedRun was not opened: call the @Checkpointed method through its"
                    + " Spring proxy (not from inside its own class) so the aspect can open the run");
        }
        return state;
    }
}
