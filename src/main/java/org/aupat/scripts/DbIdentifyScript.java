package org.aupat.scripts;

import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.error.NotBuiltError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** db_identify: in the catalog, not built yet. */
@Component
@ConditionalOnProperty(name = "script", havingValue = "db_identify")
@Command(name = "db_identify", description = "Not built yet in this version.")
public class DbIdentifyScript extends AupatScript {

    public DbIdentifyScript(ScriptRunner runner) {
        super(runner);
    }

    @Override
    protected int execute() {
        throw new NotBuiltError("db_identify is not built yet in this version of AUPAT; nothing was changed.");
    }
}
