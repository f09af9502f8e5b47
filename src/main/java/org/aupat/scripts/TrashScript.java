package org.aupat.scripts;

import org.aupat.archive.trash.TrashPlan;
import org.aupat.archive.trash.TrashService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** trash: takes files, or a whole location's files, out of the archive into the trash, keeping their bytes. */
@Component
@Command(name = "trash", description = {"Move files out of the archive into the trash folder (beside the database),"
        + " keeping their bytes and a record of where they were; --script=restore puts them back.",
        "Files that belong together (live photo, RAW+JPEG pair, sidecars) go together. Only"
        + " db_cleanup --empty-trash deletes bytes."})
public class TrashScript extends AupatScript {
    @Mixin
    FileSelectionOptions files = new FileSelectionOptions();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept with each trashed file.")
    String reason;

    private final TrashService service;
    private final Console console;
    private TrashPlan plan;

    public TrashScript(ScriptRunner runner, TrashService service, Console console) {
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
        plan = service.planTrash(files.selection());
    }

    @Override
    protected int execute() {
        if (files.dryRun) {
            return TrashOutput.dryRun(console, "trash", plan.lines(), plan.files().size());
        }
        return TrashOutput.done(console, "trash", plan.lines(), service.trash(plan, reason), "trashed");
    }
}
