package org.aupat.scripts;

import org.aupat.archive.moving.MergeService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** merge: two locations that are the same place become one. */
@Component
@Command(name = "merge", description = {"Merge a location into another that is the same place: every file,"
        + " sub-location, URL and import of --location ends in --into, which is kept; --location is removed."})
public class MergeScript extends AupatScript {
    @Option(names = "--location", paramLabel = "LOCATION", description = "The location merged away (uuid, prefix or name).")
    String location;

    @Option(names = "--into", paramLabel = "LOCATION", description = "The location kept (uuid, prefix or name).")
    String into;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    private final MergeService service;
    private final Console console;
    private MergeService.Request request;

    public MergeScript(ScriptRunner runner, MergeService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    @Override
    protected boolean changesNothing() {
        return dryRun.on;
    }

    @Override
    protected void check() {
        request = service.prepare(location, into);
    }

    @Override
    protected int execute() {
        String kept = request.into().name() + " (" + request.into().uuid() + ")";
        if (dryRun.on) {
            MergeService.Result r = service.preview(request, console::out);
            console.info(request.done() ? "Dry run: " + request.alreadyMergedName() + " was already merged into " + kept
                    + "; nothing to do." : "Dry run: " + r.files() + " file(s), " + r.subLocations() + " sub-location(s)"
                    + " and " + r.urls() + " URL(s) would move into " + kept + ". Nothing was changed.");
            return r.missing() == 0 ? ExitCode.OK : ExitCode.FAILED;
        }
        MergeService.Result r = service.merge(request);
        int exit = MovedOutput.masterJson(console, r.masterJson(), r.masterJsonFailed());
        r.keptInFolder().forEach(path -> console.warn("kept " + path + ": not a file of the archive, left where it was"));
        if (console.isJson()) {
            console.result(r);
        } else if (request.done()) {
            console.out("Nothing to do: " + r.mergedName() + " (" + r.mergedUuid() + ") was already merged into " + kept
                    + (r.masterJson().isEmpty() ? "." : "; rewrote " + r.masterJson().size() + " master JSON file(s)."));
        } else {
            console.out("Merged " + r.mergedName() + " (" + r.mergedUuid() + ") into " + kept + ": " + r.files()
                    + " file(s), " + r.subLocations() + " sub-location(s), " + r.urls() + " URL(s); it is removed.");
        }
        return exit;
    }
}
