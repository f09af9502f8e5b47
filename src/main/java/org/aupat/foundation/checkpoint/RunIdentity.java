package org.aupat.foundation.checkpoint;

import org.springframework.stereotype.Component;

/**
 * What identifies the current run for resuming (its identifying options) and whether the person asked
 * with {@code --restart} to discard a checkpoint. Set once by the runner before the script works.
 */
@Component
public class RunIdentity {
    private volatile String options = "";
    private volatile boolean restart;

    public void set(String options, boolean restart) {
        this.options = options == null ? "" : options;
        this.restart = restart;
    }

    public String options() {
        return options;
    }

    public boolean restart() {
        return restart;
    }
}
