package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.moving.MoveService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** move: archived files into another location or sub-location, with the files linked to them. */
@Component
@Command(name = "move", description = {"Move archived files to another location or sub-location: their names,"
        + " folders and master JSON follow, and the files linked to them (live-photo video, sidecars, RAW+JPEG pair)"
        + " go with them.", "Choose files with --sha (a SHA-256 or a unique prefix) and --name (the original file"
        + " name), each repeatable, or a whole import with --import."})
public class MoveScript extends AupatScript {
    @Option(names = "--sha", paramLabel = "HEX", description = "A file's SHA-256, or a prefix only it has (4+ digits).")
    List<String> shas;

    @Option(names = "--name", paramLabel = "ORIGINAL_NAME", description = "A file's original name, exactly.")
    List<String> names;

    @Option(names = "--import", paramLabel = "ID", description = "Every file of this import (its id or a unique prefix).")
    String importId;

    @Option(names = "--from", paramLabel = "LOCATION", description = "Look --name up in this location only.")
    String from;

    @Option(names = "--to", paramLabel = "LOCATION", description = "The location the files go to (uuid, prefix or name).")
    String to;

    @Option(names = "--to-sub", paramLabel = "NAME", description = "Its sub-location of this name (made if it has none).")
    String toSub;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    private final MoveService service;
    private final Console console;
    private MoveService.Request request;

    public MoveScript(ScriptRunner runner, MoveService service, Console console) {
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
        request = service.prepare(new MoveService.Selection(shas, names, importId, from), to, toSub);
    }

    @Override
    protected int execute() {
        String target = request.target().name() + " (" + request.target().uuid() + ")"
                + (request.subName() == null ? "" : ", sub-location " + request.subName());
        if (dryRun.on) {
            MoveService.Plan plan = service.preview(request);
            plan.moves().forEach(m -> console.out(m.describe()));
            plan.missing().forEach(m -> console.out("would fail: " + m));
            console.info("Dry run: " + plan.moves().size() + " file(s) would move to " + target + "; "
                    + plan.alreadyThere().size() + " already there. Nothing was changed.");
            return plan.missing().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        }
        MoveService.Result result = service.move(request);
        int exit = MovedOutput.masterJson(console, result.masterJson(), result.masterJsonFailed());
        if (console.isJson()) {
            console.result(result);
        } else if (result.moved() == 0 && result.masterJson().isEmpty()) {
            console.out("Nothing to do: the " + result.alreadyThere() + " chosen file(s) are already in " + target + ".");
        } else {
            console.out("Moved " + result.moved() + " file(s) to " + target + "; " + result.alreadyThere()
                    + " already there. Rewrote " + result.masterJson().size() + " master JSON file(s).");
        }
        return exit;
    }
}
