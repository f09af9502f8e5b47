package org.aupat.scripts;

import org.aupat.archive.trash.TrashService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** restore: puts trashed files back where they were, with their rows, checked by SHA-256. */
@Component
@Command(name = "restore", description = {"Put trashed files back exactly where they were in the archive, with the"
        + " same rows; each file's bytes are checked against its SHA-256 first.",
        "Refuses (exit 2) to restore over an existing file. Files trashed together come back together."})
public class RestoreScript extends AupatScript {
    @Mixin
    FileSelectionOptions files = new FileSelectionOptions();

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
        return files.dryRun;
    }

    @Override
    protected void check() {
        plan = service.planRestore(files.selection());
    }

    @Override
    protected int execute() {
        if (files.dryRun) {
            return TrashOutput.dryRun(console, "restore", plan.lines(), plan.files().size());
        }
        return TrashOutput.done(console, "restore", plan.lines(), service.restore(plan), "restored");
    }
}
