package org.aupat.foundation.checkpoint;

import java.time.Instant;

/** One stored checkpoint row: where a run of an operation stood after its last committed chunk. */
public record Checkpoint(String id, String script, String operation, String identity, Status status,
        long current, long total, String lastItem, ChunkCounts counts, long chunksCommitted, long rollbacks,
        Instant startedAt, Instant updatedAt, Instant completedAt, String errorMessage) {

    /** The seed's states of a checkpoint. */
    public enum Status {
        PENDING, IN_PROGRESS, COMPLETED, FAILED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** This checkpoint in another state, updated now; a checkpoint carries an error only when it failed. */
    Checkpoint in(Status newStatus, Instant completed, String error) {
        return new Checkpoint(id, script, operation, identity, newStatus, current, total, lastItem, counts,
                chunksCommitted, rollbacks, startedAt, Instant.now(), completed, error);
    }

    /** Whether a new identical run should continue from this one rather than start over. */
    public boolean resumable() {
        return status != Status.COMPLETED;
    }
}
