package org.aupat.foundation.checkpoint;

import java.util.Objects;

/**
 * Which run this is, for resuming it: the script, the options that identify the run (for db_import its
 * source and location), and whether the person asked with {@code --restart} to discard its checkpoint.
 * The script makes it from its own options and passes it down to the checkpointed service.
 */
public record RunIdentity(String script, String options, boolean restart) {
    public RunIdentity {
        Objects.requireNonNull(script, "script");
        options = options == null ? "" : options;
    }

    /** The checkpoint of one operation of this run. */
    public CheckpointId checkpoint(String operation) {
        return new CheckpointId(script, operation, options);
    }
}
