package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.trash.TrashService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** restore: puts trashed files back where they were, with their rows, checked by SHA-256. */
@Component
@Command(name = "restore", description = {"Put trashed files back exactly where they were in the archive, with the"
        + " same rows; each file's bytes are checked against its SHA-256 first.",
        "Refuses (exit 2) to restore over an existing file. Files trashed together come back together."})
public class RestoreScript extends AupatScript {
    @Option(names = "--sha", paramLabel = "HEX", description = "A trashed file by its SHA-256 or a unique prefix; repeatable.")
    List<String> shas;

    @Option(names = "--name", paramLabel = "ORIGINAL", description = "A trashed file by its original file name; repeatable.")
    List<String> names;

    @Option(names = "--location", paramLabel = "LOCATION", description = "Only files of this location; alone: all its trashed files.")
    String location;

    @Option(names = "--import", paramLabel = "ID", description = "Only files of this import (its id or a unique prefix);"
            + " alone: all its trashed files.")
    String importId;

    @Option(names = "--dry-run", description = "Print what would move back; change nothing.")
    boolean dryRun;

    private final TrashService service;
    private final Console console;
    private TrashService.RestorePlan plan;

    public RestoreScript(ScriptRunner runner, TrashService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected void check() {
        plan = service.planRestore(new TrashService.Selection(shas, names, location, importId));
    }

    @Override
    protected int execute() {
        if (dryRun) {
            return TrashOutput.dryRun(console, "restore", plan.lines(), plan.files().size());
        }
        return TrashOutput.done(console, "restore", plan.lines(), service.restore(plan), "restored");
    }
}
