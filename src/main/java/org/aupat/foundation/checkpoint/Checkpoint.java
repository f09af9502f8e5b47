package org.aupat.foundation.checkpoint;

import java.time.Instant;

/**
 * One stored checkpoint row: where a run of an operation stood after its last committed chunk.
 * {@code inputDigest} (may be null) is the operation's digest of the input it had done by then, so that
 * a resume can check that what it would skip is still the same.
 */
public record Checkpoint(CheckpointId id, Status status, long current, long total, String lastItem,
        String inputDigest, ChunkCounts counts, long chunksCommitted, long rollbacks, Instant startedAt,
        Instant updatedAt, Instant completedAt, String errorMessage) {

    /** The seed's states of a checkpoint. */
    public enum Status {
        PENDING, IN_PROGRESS, COMPLETED, FAILED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A new run's checkpoint, at the start. */
    static Checkpoint start(CheckpointId id) {
        Instant now = Instant.now();
        return new Checkpoint(id, Status.IN_PROGRESS, 0, 0, null, null, ChunkCounts.NONE, 0, 0, now, now, null, null);
    }

    /** This checkpoint in another state, updated now; a checkpoint carries an error only when it failed. */
    Checkpoint in(Status newStatus, Instant completed, String error) {
        return new Checkpoint(id, newStatus, current, total, lastItem, inputDigest, counts, chunksCommitted, rollbacks,
                startedAt, Instant.now(), completed, error);
    }

    /** Whether a new identical run should continue from this one rather than start over. */
    public boolean resumable() {
        return status != Status.COMPLETED;
    }
}
