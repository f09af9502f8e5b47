package org.aupat.archive.maintenance;

import java.time.Instant;

/** Extension point for db_cleanup: archives completed resume checkpoints older than a cutoff. */
public interface CheckpointArchiver {
    /** Archives completed checkpoints finished before {@code cutoff}; returns how many. */
    int archiveCompletedOlderThan(Instant cutoff);
}
