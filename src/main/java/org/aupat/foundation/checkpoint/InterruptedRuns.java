package org.aupat.foundation.checkpoint;

import org.aupat.foundation.db.ArchiveIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether a run was interrupted in this home: its checkpoint, kept on this machine, is unfinished. What a run
 * continues of an interrupted one's records in the shared database (an import record) it continues only when
 * the interruption was here: another machine's run of the same options may be alive (docs/postgresql.md).
 */
@Component
public class InterruptedRuns {
    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);
    private final CheckpointStore store;
    private final ArchiveIdentity archive;

    public InterruptedRuns(CheckpointStore store, ArchiveIdentity archive) {
        this.store = store;
        this.archive = archive;
    }

    /** Whether this home holds an unfinished checkpoint of {@code operation} of this run. */
    public boolean here(RunIdentity identity, String operation) {
        try {
            return store.find(id(identity, operation, archive)).filter(Checkpoint::resumable).isPresent();
        } catch (RuntimeException e) {
            log.warn("Cannot read checkpoints from {} ({}); this run is taken for a new one.", store.file(),
                    e.getMessage());
            return false;
        }
    }

    /** The checkpoint of an operation of a run, of this archive (two databases may share one checkpoint file). */
    static CheckpointId id(RunIdentity identity, String operation, ArchiveIdentity archive) {
        return archive.find().map(identity.checkpoint(operation)::inArchive).orElseGet(() -> identity.checkpoint(operation));
    }
}
