package org.aupat.scripts;

import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.error.NotBuiltError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** backup: in the catalog, not built yet. */
@Component
@ConditionalOnProperty(name = "script", havingValue = "backup")
@Command(name = "backup", description = "Not built yet in this version.")
public class BackupScript extends AupatScript {

    public BackupScript(ScriptRunner runner) {
        super(runner);
    }

    @Override
    protected int execute() {
        throw new NotBuiltError("backup is not built yet in this version of AUPAT; nothing was changed.");
    }
}
