package org.aupat.scripts;

import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.error.NotBuiltError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** name: in the catalog, not built yet. */
@Component
@ConditionalOnProperty(name = "script", havingValue = "name")
@Command(name = "name", description = "Not built yet in this version.")
public class NameScript extends AupatScript {

    public NameScript(ScriptRunner runner) {
        super(runner);
    }

    @Override
    protected int execute() {
        throw new NotBuiltError("name is not built yet in this version of AUPAT; nothing was changed.");
    }
}
