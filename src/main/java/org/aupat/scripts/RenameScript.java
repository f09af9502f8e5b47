package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.location.LocationService.Renaming;
import org.aupat.archive.rename.RenamePlan;
import org.aupat.archive.rename.RenameRequest;
import org.aupat.archive.rename.RenameService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** rename: a location's name, aka, state, type or sub-type, or a sub-location's name; --move-folder moves its folder. */
@Component
@Command(name = "rename", description = "Rename a location (name, aka, state, type, sub-type) or a sub-location;"
        + " the folder stays unless --move-folder.")
public class RenameScript extends AupatScript {
    @Option(names = "--location", paramLabel = "UUID", description = "The location to rename (or whose sub-location).")
    String location;

    @Option(names = "--sub-location", paramLabel = "NAME", description = "Rename this sub-location (its name or uuid).")
    String subLocation;

    @Option(names = "--name", description = "The new name.")
    String name;

    @Option(names = "--aka", description = "The new also-known-as name (--aka= clears it).")
    String aka;

    @Option(names = "--state", description = "The new US state or territory.")
    String state;

    @Option(names = "--type", description = "The new location type.")
    String type;

    @Option(names = "--sub-type", description = "The new sub-type (--sub-type= clears it).")
    String subType;

    @Option(names = "--new-type", description = "Accept a location type that is not in the list.")
    boolean newType;

    @Option(names = "--allow-duplicate-name", description = "Allow a name another location has.")
    boolean allowDuplicateName;

    @Option(names = "--move-folder", description = "Move the folder, with all its files, to the one the new name gives.")
    boolean moveFolder;

    @Option(names = "--dry-run", description = "Print exactly what would change; change nothing.")
    boolean dryRun;

    private final RenameService service;
    private final Console console;
    private RenamePlan plan;

    public RenameScript(ScriptRunner runner, RenameService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    /** The result as --json prints it. */
    record Renamed(String location, boolean dryRun, List<String> changes, String masterJson) {
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected void check() {
        plan = service.plan(new RenameRequest(location, subLocation, new Renaming(name, aka, state, type, subType, newType,
                allowDuplicateName), moveFolder));
    }

    @Override
    protected int execute() {
        if (dryRun) {
            print(plan, true, null);
            return ExitCode.OK;
        }
        RenameService.Result result = service.apply(plan);
        print(plan, false, result.masterJson() == null ? null : result.masterJson().toString());
        if (result.masterJsonFailure() != null) {
            console.error("master JSON of location " + plan.after().uuid() + ": " + result.masterJsonFailure());
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private void print(RenamePlan p, boolean dry, String masterJson) {
        if (console.isJson()) {
            console.result(new Renamed(p.after().uuid(), dry, p.lines(), masterJson));
            return;
        }
        if (dry) {
            console.info("Dry run: nothing is moved or changed.");
        }
        p.lines().forEach(console::out);
        if (!p.changesRows()) {
            console.info("Nothing to change: location " + p.after().uuid() + " is already so.");
        }
        if (masterJson != null) {
            console.info("Wrote " + masterJson);
        }
    }
}
