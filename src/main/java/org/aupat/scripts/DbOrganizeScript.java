package org.aupat.scripts;

import org.aupat.archive.organizing.OrganizeService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** db_organize: camera metadata, hardware flags, live-photo pairs and sidecar links for staged media. */
@Component
@Command(name = "db_organize", description = "Read camera metadata and sort staged media by hardware.")
public class DbOrganizeScript extends AupatScript {
    private final OrganizeService organize;
    private final Console console;

    public DbOrganizeScript(ScriptRunner runner, OrganizeService organize, Console console) {
        super(runner);
        this.organize = organize;
        this.console = console;
    }

    @Override
    protected void check() {
        organize.requireTools();
    }

    @Override
    protected boolean nothingToDo() {
        return !organize.hasWork();
    }

    @Override
    protected int execute() {
        OrganizeService.Summary summary = organize.organize();
        summary.printTo(console);
        console.result(Results.Organize.of(summary));
        return ExitCode.OK;
    }
}
