package org.aupat.foundation.checkpoint;

import java.util.Objects;

/** What a checkpoint belongs to: one operation of a script, run with the options that identify it. */
public record CheckpointId(String script, String operation, String options) {
    public CheckpointId {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(operation, "operation");
        options = options == null ? "" : options;
    }

    /** The same checkpoint, of the archive with this identity only. */
    public CheckpointId inArchive(String archiveId) {
        return new CheckpointId(script, operation, (options.isEmpty() ? "" : options + " ") + "archive=" + archiveId);
    }

    /** The text kept in the checkpoint_id column (the seed's format: script/operation[/options]). */
    public String key() {
        return script + "/" + operation + (options.isEmpty() ? "" : "/" + options);
    }
}
