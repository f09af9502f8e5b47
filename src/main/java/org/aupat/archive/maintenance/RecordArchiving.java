package org.aupat.archive.maintenance;

import java.time.Duration;
import java.time.Instant;
import org.aupat.archive.ArchiveClock;
import org.aupat.foundation.checkpoint.CheckpointStore;
import org.aupat.foundation.failure.FailureQuery;
import org.springframework.stereotype.Component;

/** db_cleanup's archiving of old failure-log entries and completed checkpoints, done by their own stores. */
@Component
class RecordArchiving implements FailureLogArchiver, CheckpointArchiver {
    private final FailureQuery failures;
    private final CheckpointStore checkpoints;
    private final ArchiveClock clock;

    RecordArchiving(FailureQuery failures, CheckpointStore checkpoints, ArchiveClock clock) {
        this.failures = failures;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Override
    public int archiveOlderThan(Instant cutoff) {
        return failures.archiveOlderThan(age(cutoff));
    }

    @Override
    public int archiveCompletedOlderThan(Instant cutoff) {
        return checkpoints.archiveCompletedOlderThan(age(cutoff));
    }

    private Duration age(Instant cutoff) {
        return Duration.between(cutoff, clock.now());
    }
}
