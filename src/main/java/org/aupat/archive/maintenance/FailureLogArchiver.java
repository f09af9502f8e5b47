package org.aupat.archive.maintenance;

import java.time.Instant;

/** Extension point for db_cleanup: moves failure-log entries older than a cutoff out of the live log. */
public interface FailureLogArchiver {
    /** Archives entries written before {@code cutoff}; returns how many. */
    int archiveOlderThan(Instant cutoff);
}
