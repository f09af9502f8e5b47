package org.aupat.scripts;

import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.error.NotBuiltError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** db_import: in the catalog, not built yet. */
@Component
@ConditionalOnProperty(name = "script", havingValue = "db_import")
@Command(name = "db_import", description = "Not built yet in this version.")
public class DbImportScript extends AupatScript {

    public DbImportScript(ScriptRunner runner) {
        super(runner);
    }

    @Override
    protected int execute() {
        throw new NotBuiltError("db_import is not built yet in this version of AUPAT; nothing was changed.");
    }
}
