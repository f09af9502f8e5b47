package org.aupat.scripts;

import org.aupat.archive.location.UnusedUuids;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** gen_uuid: prints a new UUID v4 whose prefix no location, sub-location or URL uses. */
@Component
@Command(name = "gen_uuid", description = "Print a new UUID v4 whose 12-character prefix is unused.")
public class GenUuidScript extends AupatScript {
    private final UnusedUuids uuids;
    private final Console console;

    public GenUuidScript(ScriptRunner runner, UnusedUuids uuids, Console console) {
        super(runner);
        this.uuids = uuids;
        this.console = console;
    }

    @Override
    protected int execute() {
        String uuid = uuids.next();
        console.out(uuid);
        console.result(new Results.Uuid(uuid));
        return ExitCode.OK;
    }
}
