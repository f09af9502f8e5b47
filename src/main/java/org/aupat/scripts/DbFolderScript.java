package org.aupat.scripts;

import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.error.NotBuiltError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** db_folder: in the catalog, not built yet. */
@Component
@ConditionalOnProperty(name = "script", havingValue = "db_folder")
@Command(name = "db_folder", description = "Not built yet in this version.")
public class DbFolderScript extends AupatScript {

    public DbFolderScript(ScriptRunner runner) {
        super(runner);
    }

    @Override
    protected int execute() {
        throw new NotBuiltError("db_folder is not built yet in this version of AUPAT; nothing was changed.");
    }
}
