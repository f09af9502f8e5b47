package org.aupat.scripts;

import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.media.StepOrder;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_ingest: copies (or links) organised files from staging into the archive. */
@Component
@Command(name = "db_ingest", description = "Copy organised files from staging into the archive.")
public class DbIngestScript extends AupatScript {
    @Option(names = "--dry-run", description = "Print where every ready file would go; change nothing.")
    boolean dryRun;

    private final IngestService ingest;
    private final Console console;
    private final StepOrder steps;

    public DbIngestScript(ScriptRunner runner, IngestService ingest, Console console, StepOrder steps) {
        super(runner);
        this.ingest = ingest;
        this.console = console;
        this.steps = steps;
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected void check() {
        if (!dryRun) {
            ingest.requireArchiveFolder();
        }
    }

    @Override
    protected boolean nothingToDo() {
        return !ingest.hasWork();
    }

    @Override
    protected int execute() {
        if (dryRun) {
            List<Results.PlannedIngest> planned = new ArrayList<>();
            if (nothingToDo()) {
                console.info("Dry run: nothing to do, no organised file waits for the archive; nothing was changed.");
                console.result(new Results.IngestPlan(true, planned));
                return ExitCode.OK;
            }
            long n = ingest.preview((staged, target) -> {
                console.out(staged + "  -> " + target);
                planned.add(new Results.PlannedIngest(staged, target));
            });
            console.info("Dry run: " + n + " file(s) would be archived; nothing was changed.");
            console.result(new Results.IngestPlan(true, planned));
            return ExitCode.OK;
        }
        IngestService.Summary summary = ingest.ingest();
        summary.printTo(console);
        console.result(Results.Ingest.of(summary));
        steps.waitingBefore("db_ingest", null).ifPresent(console::warn);
        return ExitCode.OK;
    }
}
